package de.kuzmobil.data.demand;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DemandRepository {

    private static final String SELECT = "select id, site_id, service_type, appointments, earliest_date,"
            + " latest_date, priority, note from demand";

    private final JdbcClient jdbc;

    public DemandRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** By earliest date; {@code limit} rows after the first {@code offset}. */
    public List<DemandRecord> findPage(int limit, long offset) {
        return jdbc.sql(SELECT + " order by earliest_date, id limit ? offset ?").params(limit, offset)
                .query(DemandRecord.class).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from demand").query(Long.class).single();
    }

    /** Demand whose date range overlaps [from, to]. */
    public List<DemandRecord> findOverlapping(LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + " where earliest_date <= ? and latest_date >= ? order by id")
                .params(to, from).query(DemandRecord.class).list();
    }

    public Optional<DemandRecord> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(DemandRecord.class).optional();
    }

    public DemandRecord save(DemandRecord d) {
        if (d.id() == null) {
            long id = jdbc.sql("""
                    insert into demand (site_id, service_type, appointments, earliest_date, latest_date, priority, note)
                    values (?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(d.siteId(), d.serviceType(), d.appointments(), d.earliestDate(), d.latestDate(),
                            d.priority(), d.note())
                    .query(Long.class).single();
            return d.withId(id);
        }
        int n = jdbc.sql("""
                update demand set site_id = ?, service_type = ?, appointments = ?, earliest_date = ?,
                                  latest_date = ?, priority = ?, note = ? where id = ?""")
                .params(d.siteId(), d.serviceType(), d.appointments(), d.earliestDate(), d.latestDate(),
                        d.priority(), d.note(), d.id())
                .update();
        if (n == 0) {
            throw new IllegalArgumentException("no demand with id " + d.id());
        }
        return d;
    }

    public boolean delete(long id) {
        return jdbc.sql("delete from demand where id = ?").param(id).update() > 0;
    }
}
