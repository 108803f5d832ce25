package de.kuzmobil.api.demand;

import de.kuzmobil.api.system.InputRules;
import de.kuzmobil.api.system.PayloadTooLargeException;
import de.kuzmobil.api.system.ProblemHandler.FieldError;
import de.kuzmobil.data.demand.DemandRecord;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a demand CSV (header {@code siteId,serviceType,appointments,earliestDate,latestDate,priority,note};
 * priority and note optional) and reports every bad cell as "row N, column X".
 */
final class DemandCsv {

    static final List<String> REQUIRED = List.of("siteId", "serviceType", "appointments", "earliestDate",
            "latestDate");
    static final Set<String> KNOWN = Set.of("siteId", "serviceType", "appointments", "earliestDate", "latestDate",
            "priority", "note");

    /** Longest cell per column; others are short codes and numbers. */
    static final Map<String, Integer> MAX_LENGTH = Map.of("serviceType", 50, "note", 2000);
    /** A file with more errors lists this many and says how many more. */
    static final int MAX_LISTED_ERRORS = 200;

    record Parsed(List<DemandRecord> rows, List<FieldError> errors) {
    }

    private DemandCsv() {
    }

    /**
     * @throws PayloadTooLargeException beyond {@code maxRows} data rows
     */
    static Parsed parse(String file, int maxRows) {
        // spreadsheets save UTF-8 with a byte order mark
        String text = file.startsWith("\uFEFF") ? file.substring(1) : file;
        List<DemandRecord> rows = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            List<String> header = parser.getHeaderNames();
            if (header.size() == 1 && header.get(0).contains(";")) {
                errors.add(new FieldError("header", "columns must be separated by commas, not semicolons"));
                return new Parsed(rows, errors);
            }
            for (String column : REQUIRED) {
                if (!header.contains(column)) {
                    errors.add(new FieldError("header", "missing column " + column));
                }
            }
            for (String column : header) {
                if (!KNOWN.contains(column)) {
                    errors.add(new FieldError("header", "unknown column " + column));
                }
            }
            if (!errors.isEmpty()) {
                return new Parsed(rows, errors);
            }
            for (CSVRecord r : parser) {
                if (r.getRecordNumber() > maxRows) {
                    throw new PayloadTooLargeException("the file has more than " + maxRows
                            + " data rows, the most one import takes; split it");
                }
                // row numbers as a spreadsheet shows them: the header is row 1
                Row row = new Row(r, "row " + (r.getRecordNumber() + 1) + ", column ", errors);
                Long siteId = row.number("siteId");
                String serviceType = row.text("serviceType");
                Long appointments = row.number("appointments");
                LocalDate earliest = row.date("earliestDate");
                LocalDate latest = row.date("latestDate");
                Long priority = r.isMapped("priority") && !r.get("priority").isEmpty() ? row.number("priority")
                        : Long.valueOf(3);
                if (appointments != null && (appointments < 1 || appointments > 1000)) {
                    row.error("appointments", "must be between 1 and 1000");
                }
                if (priority != null && (priority < 1 || priority > 5)) {
                    row.error("priority", "must be between 1 and 5");
                }
                if (earliest != null && latest != null && latest.isBefore(earliest)) {
                    row.error("latestDate", "is before earliestDate");
                }
                if (row.ok()) {
                    rows.add(new DemandRecord(null, siteId, serviceType, appointments.intValue(), earliest, latest,
                            priority.intValue(), row.optionalText("note")));
                }
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException e) {
            errors.add(new FieldError("file", "not a readable CSV file (" + (e.getMessage() == null ? "unreadable"
                    : InputRules.quote(e.getMessage(), 120)) + ")"));
        }
        if (errors.size() > MAX_LISTED_ERRORS) {
            int more = errors.size() - MAX_LISTED_ERRORS;
            errors = new ArrayList<>(errors.subList(0, MAX_LISTED_ERRORS));
            errors.add(new FieldError("file", more + " more errors not listed"));
        }
        return new Parsed(rows, errors);
    }

    /** One record's cells, collecting errors instead of throwing. */
    private static final class Row {
        private final CSVRecord record;
        private final String where;
        private final List<FieldError> errors;
        private boolean ok = true;

        Row(CSVRecord record, String where, List<FieldError> errors) {
            this.record = record;
            this.where = where;
            this.errors = errors;
        }

        String text(String column) {
            int before = errors.size();
            String v = optionalText(column);
            if (v == null && errors.size() == before) {
                error(column, "is empty");
            }
            return v;
        }

        /** The cell, or null when it is empty or broken (then an error is recorded). */
        String optionalText(String column) {
            String v = record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
            if (v.isEmpty()) {
                return null;
            }
            String problem = InputRules.textProblem(v);
            int max = MAX_LENGTH.getOrDefault(column, 100);
            if (problem == null && v.length() > max) {
                problem = "longer than " + max + " characters";
            }
            if (problem != null) {
                error(column, problem);
                return null;
            }
            return v;
        }

        Long number(String column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                error(column, "is not a whole number: '" + InputRules.quote(v, 40) + "'");
                return null;
            }
        }

        LocalDate date(String column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            try {
                LocalDate date = LocalDate.parse(v);
                String problem = InputRules.dateProblem(date);
                if (problem != null) {
                    error(column, problem);
                    return null;
                }
                return date;
            } catch (DateTimeParseException e) {
                error(column, "is not a date (YYYY-MM-DD): '" + InputRules.quote(v, 40) + "'");
                return null;
            }
        }

        void error(String column, String message) {
            ok = false;
            errors.add(new FieldError(where + column, message));
        }

        boolean ok() {
            return ok;
        }
    }
}
