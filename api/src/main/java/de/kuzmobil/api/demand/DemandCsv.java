package de.kuzmobil.api.demand;

import de.kuzmobil.api.system.ProblemHandler.FieldError;
import de.kuzmobil.data.demand.DemandRecord;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
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

    record Parsed(List<DemandRecord> rows, List<FieldError> errors) {
    }

    private DemandCsv() {
    }

    static Parsed parse(String text) {
        List<DemandRecord> rows = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            List<String> header = parser.getHeaderNames();
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
                // row numbers as a spreadsheet shows them: the header is row 1
                Row row = new Row(r, "row " + (r.getRecordNumber() + 1) + ", column ", errors);
                Long siteId = row.number("siteId");
                String serviceType = row.text("serviceType");
                Long appointments = row.number("appointments");
                LocalDate earliest = row.date("earliestDate");
                LocalDate latest = row.date("latestDate");
                Long priority = r.isMapped("priority") && !r.get("priority").isEmpty() ? row.number("priority") : 3L;
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
                            priority.intValue(), r.isMapped("note") && !r.get("note").isEmpty() ? r.get("note") : null));
                }
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            errors.add(new FieldError("file", "not a readable CSV file"));
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
            String v = record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
            if (v.isEmpty()) {
                error(column, "is empty");
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
                error(column, "is not a whole number: '" + v + "'");
                return null;
            }
        }

        LocalDate date(String column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                error(column, "is not a date (YYYY-MM-DD): '" + v + "'");
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
