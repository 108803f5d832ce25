package de.kuzmobil.data.publicstop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Published stops of public sites only: nothing here reads drafts, internal sites or personal data. */
@Repository
public class PublicStopRepository {

    private static final String COLUMNS = """
            p.id, s.id as site_id, s.name, s.address, s.district, s.latitude, s.longitude, p.stop_date,
            p.start_time, p.end_time, p.services, p.status, p.sequence, p.last_modified""";

    /** One bookable appointment of a stop. */
    public record Slot(String service, int seq, LocalTime start, boolean free) {
    }

    private final JdbcClient jdbc;

    public PublicStopRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stops between two dates (inclusive) by date and time, of any of the districts and offering any of
     * the services (empty: all).
     *
     * @param districts  lower-case district names
     * @param withCancelled also stops a newer plan dropped (for calendars, so that they remove them)
     */
    public List<PublicStop> find(LocalDate from, LocalDate to, Collection<String> districts,
                                 Collection<String> services, boolean withCancelled) {
        List<PublicStop> stops = jdbc.sql("select " + COLUMNS + """
                         from public_stop p join site s on s.id = p.site_id
                        where s.visibility = 'PUBLIC' and p.stop_date between ? and ?
                          and (p.status = 'ACTIVE' or ?)
                          and (cardinality(?::text[]) = 0 or lower(s.district) = any(?::text[]))
                          and (cardinality(?::text[]) = 0 or p.services && ?::text[])
                        order by p.stop_date, p.start_time, s.name, p.id""")
                .params(from, to, withCancelled, array(districts), array(districts), array(services), array(services))
                .query(PublicStopRepository::stop).list();
        return withFreeSlots(stops);
    }

    /** A stop of a public site, active or cancelled. */
    public Optional<PublicStop> find(long id) {
        return jdbc.sql("select " + COLUMNS + """
                         from public_stop p join site s on s.id = p.site_id
                        where p.id = ? and s.visibility = 'PUBLIC'""")
                .param(id).query(PublicStopRepository::stop).optional()
                .map(s -> withFreeSlots(List.of(s)).get(0));
    }

    public List<Slot> slots(long stopId) {
        return jdbc.sql("""
                        select service, seq, slot_start, booking_id is null from stop_slot where stop_id = ?
                        order by slot_start, service, seq""")
                .param(stopId)
                .query((rs, n) -> new Slot(rs.getString(1), rs.getInt(2), rs.getObject(3, LocalTime.class),
                        rs.getBoolean(4)))
                .list();
    }

    /** Districts with at least one public site, as written there. */
    public List<String> districts() {
        return jdbc.sql("select distinct district from site where visibility = 'PUBLIC' order by district")
                .query(String.class).list();
    }

    /** The stop of a published visit, by week and visit id. */
    public Optional<Long> idOf(LocalDate weekStart, String visitId) {
        return jdbc.sql("select id from public_stop where week_start = ? and visit_id = ?")
                .params(weekStart, visitId).query(Long.class).optional();
    }

    private List<PublicStop> withFreeSlots(List<PublicStop> stops) {
        if (stops.isEmpty()) {
            return stops;
        }
        Map<Long, Map<String, Integer>> free = new HashMap<>();
        jdbc.sql("""
                        select stop_id, service, count(*) filter (where booking_id is null)::int
                        from stop_slot where stop_id = any(?::bigint[]) group by stop_id, service
                        order by stop_id, service""")
                .param("{" + String.join(",", stops.stream().map(s -> String.valueOf(s.id())).toList()) + "}")
                .query(rs -> {
                    free.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getInt(3));
                });
        return stops.stream().map(s -> new PublicStop(s.id(), s.siteId(), s.siteName(), s.address(), s.district(),
                s.latitude(), s.longitude(), s.date(), s.start(), s.end(), s.services(), s.status(), s.sequence(),
                s.lastModified(), Collections.unmodifiableMap(free.getOrDefault(s.id(), Map.of())))).toList();
    }

    private static PublicStop stop(ResultSet rs, int row) throws SQLException {
        return new PublicStop(rs.getLong("id"), rs.getLong("site_id"), rs.getString("name"), rs.getString("address"),
                rs.getString("district"), rs.getDouble("latitude"), rs.getDouble("longitude"),
                rs.getObject("stop_date", LocalDate.class), rs.getObject("start_time", LocalTime.class),
                rs.getObject("end_time", LocalTime.class), Arrays.asList((String[]) rs.getArray("services").getArray()),
                rs.getString("status"), rs.getInt("sequence"), rs.getObject("last_modified", OffsetDateTime.class),
                Map.of());
    }

    /** Values are lower-case names or service codes: a PostgreSQL array literal with each value quoted. */
    private static String array(Collection<String> values) {
        return "{" + String.join(",", values.stream()
                .map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "}";
    }
}
