package de.kuzmobil.data.plan;

import java.sql.Array;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stops of published plans only; the query never touches drafts or superseded versions. */
@Repository
public class PublicStopRepository {

    private final JdbcClient jdbc;

    public PublicStopRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Published stops between two dates (inclusive), optionally by district and service, by date and time. */
    public List<PublicStopRecord> find(LocalDate from, LocalDate to, String district, String service) {
        return jdbc.sql("""
                select s.id, s.name, s.address, s.district, s.latitude, s.longitude,
                       v.visit_date, v.start_time, v.end_time, v.services
                from plan p
                join plan_visit v on v.plan_id = p.id
                join site s on s.id = v.site_id
                where p.status = 'PUBLISHED' and v.team_id is not null
                  and v.visit_date between ? and ?
                  and (?::text is null or lower(s.district) = lower(?::text))
                  and (?::text is null or ?::text = any(v.services))
                order by v.visit_date, v.start_time, s.name""")
                .params(from, to, district, district, service, service)
                .query((rs, n) -> {
                    Array services = rs.getArray(10);
                    return new PublicStopRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getDouble(5), rs.getDouble(6), rs.getObject(7, LocalDate.class),
                            rs.getObject(8, LocalTime.class), rs.getObject(9, LocalTime.class),
                            Arrays.asList((String[]) services.getArray()));
                })
                .list();
    }
}
