package de.kuzmobil.api.demand;

import de.kuzmobil.api.system.InputRules;
import de.kuzmobil.api.system.PayloadTooLargeException;
import de.kuzmobil.api.system.ProblemHandler.FieldError;
import de.kuzmobil.data.demand.DemandRecord;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a demand CSV (header {@code siteId,serviceType,appointments,earliestDate,latestDate,priority,note};
 * priority and note optional) and reports every bad cell as "row N, column X". Cells are read here (text,
 * whole numbers, dates); each row is then checked by the same Bean Validation as a JSON body
 * ({@link DemandDto}), so both say the same about the same value.
 */
final class DemandCsv {

    static final List<String> REQUIRED = List.of("siteId", "serviceType", "appointments", "earliestDate",
            "latestDate");
    /** Every column, in the order errors are listed. */
    static final List<String> COLUMNS = List.of("siteId", "serviceType", "appointments", "earliestDate", "latestDate",
            "priority", "note");

    /** A file with more errors lists this many and says how many more. */
    static final int MAX_LISTED_ERRORS = 200;

    record Parsed(List<DemandRecord> rows, List<FieldError> errors) {
    }

    private DemandCsv() {
    }

    /**
     * @throws PayloadTooLargeException beyond {@code maxRows} data rows
     */
    static Parsed parse(String file, int maxRows, Validator validator) {
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
                if (!COLUMNS.contains(column)) {
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
                DemandDto demand = new DemandDto(null, row.number("siteId"), row.text("serviceType"),
                        row.integer("appointments"), row.date("earliestDate"), row.date("latestDate"),
                        r.isMapped("priority") && !r.get("priority").isEmpty() ? row.integer("priority") : null,
                        row.optionalText("note"));
                row.check(validator.validate(demand));
                if (row.ok()) {
                    rows.add(demand.toRecord(null));
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
        private final Set<String> reported = new HashSet<>();
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

        /** A whole number that fits the API's integer fields (their own limits are checked with the row). */
        Integer integer(String column) {
            Long v = number(column);
            if (v == null) {
                return null;
            }
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                error(column, "is out of range");
                return null;
            }
            return v.intValue();
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

        /**
         * The row's violations, in column order; none for a column whose cell was already reported (it is
         * null in the row, which its @NotNull would repeat).
         */
        void check(Set<ConstraintViolation<DemandDto>> violations) {
            List<FieldError> found = new ArrayList<>();
            for (ConstraintViolation<DemandDto> violation : violations) {
                String property = violation.getPropertyPath().toString();
                // the order of the two dates is the latest date's problem
                String column = property.equals("ordered") ? "latestDate" : property;
                if (!reported.contains(column)) {
                    found.add(new FieldError(where + column, violation.getMessage()));
                }
            }
            found.sort(Comparator.comparingInt(e -> COLUMNS.indexOf(e.field().substring(where.length()))));
            if (!found.isEmpty()) {
                ok = false;
                errors.addAll(found);
            }
        }

        void error(String column, String message) {
            ok = false;
            reported.add(column);
            errors.add(new FieldError(where + column, message));
        }

        boolean ok() {
            return ok;
        }
    }
}
