package de.kuzmobil.data.site;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class SiteRepository {

    private static final String COLUMNS =
            "id, name, kind, district, address, latitude, longitude, setup_minutes, coord_source, note, visibility";

    private final JdbcClient jdbc;

    public SiteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SiteRecord> findAll() {
        List<SiteRecord> bare = jdbc.sql("select " + COLUMNS + " from site order by name")
                .query(SiteRepository::bareSite).list();
        Map<Long, List<WeeklyWindow>> weekly = new HashMap<>();
        jdbc.sql("select site_id, weekday, start_time, end_time from site_weekly_window order by weekday, start_time")
                .query(rs -> {
                    weekly.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(weekly(rs));
                });
        Map<Long, List<MonthlyWindow>> monthly = new HashMap<>();
        jdbc.sql("select site_id, week_of_month, weekday, start_time, end_time from site_monthly_window"
                        + " order by week_of_month, weekday, start_time")
                .query(rs -> {
                    monthly.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(monthly(rs));
                });
        return bare.stream().map(s -> withWindows(s, weekly.get(s.id()), monthly.get(s.id()))).toList();
    }

    public Optional<SiteRecord> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from site where id = ?").param(id)
                .query(SiteRepository::bareSite).optional()
                .map(s -> withWindows(s,
                        jdbc.sql("select site_id, weekday, start_time, end_time from site_weekly_window"
                                        + " where site_id = ? order by weekday, start_time")
                                .param(id).query((rs, n) -> weekly(rs)).list(),
                        jdbc.sql("select site_id, week_of_month, weekday, start_time, end_time"
                                        + " from site_monthly_window where site_id = ?"
                                        + " order by week_of_month, weekday, start_time")
                                .param(id).query((rs, n) -> monthly(rs)).list()));
    }

    public Optional<SiteRecord> findByName(String name) {
        return jdbc.sql("select id from site where name = ?").param(name).query(Long.class).optional()
                .flatMap(this::find);
    }

    public boolean exists(long id) {
        return jdbc.sql("select count(*) from site where id = ?").param(id).query(Long.class).single() > 0;
    }

    /** Declared access legs by site id (sites without one are absent). */
    public Map<Long, AccessLegRecord> findAccessLegs() {
        Map<Long, AccessLegRecord> legs = new HashMap<>();
        jdbc.sql("select site_id, description, minutes_each_way, weekdays from site_access_leg")
                .query(rs -> {
                    legs.put(rs.getLong(1), accessLeg(rs));
                });
        return legs;
    }

    public Optional<AccessLegRecord> findAccessLeg(long siteId) {
        return jdbc.sql("select site_id, description, minutes_each_way, weekdays from site_access_leg where site_id = ?")
                .param(siteId).query((rs, n) -> accessLeg(rs)).optional();
    }

    /** {@link #save(SiteRecord)} and the site's access leg (null: none) in one transaction. */
    @Transactional
    public SiteRecord save(SiteRecord s, AccessLegRecord access) {
        SiteRecord saved = save(s);
        jdbc.sql("delete from site_access_leg where site_id = ?").param(saved.id()).update();
        if (access != null) {
            jdbc.sql("insert into site_access_leg (site_id, description, minutes_each_way, weekdays)"
                            + " values (?, ?, ?, ?::smallint[])")
                    .params(saved.id(), access.description(), access.minutesEachWay(),
                            "{" + String.join(",", access.weekdays().stream().sorted()
                                    .map(d -> String.valueOf(d.getValue())).toList()) + "}")
                    .update();
        }
        return saved;
    }

    /** Inserts a new site (id null) or replaces an existing one with all its windows. */
    @Transactional
    public SiteRecord save(SiteRecord s) {
        long id;
        if (s.id() == null) {
            id = jdbc.sql("""
                    insert into site (name, kind, district, address, latitude, longitude, setup_minutes,
                                      coord_source, note, visibility)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(s.name(), s.kind(), s.district(), s.address(), s.latitude(), s.longitude(),
                            s.setupMinutes(), s.coordSource(), s.note(), s.visibility())
                    .query(Long.class).single();
        } else {
            id = s.id();
            int n = jdbc.sql("""
                    update site set name = ?, kind = ?, district = ?, address = ?, latitude = ?, longitude = ?,
                                    setup_minutes = ?, coord_source = ?, note = ?, visibility = ? where id = ?""")
                    .params(s.name(), s.kind(), s.district(), s.address(), s.latitude(), s.longitude(),
                            s.setupMinutes(), s.coordSource(), s.note(), s.visibility(), id)
                    .update();
            if (n == 0) {
                throw new IllegalArgumentException("no site with id " + id);
            }
            jdbc.sql("delete from site_weekly_window where site_id = ?").param(id).update();
            jdbc.sql("delete from site_monthly_window where site_id = ?").param(id).update();
        }
        for (WeeklyWindow w : s.weeklyWindows()) {
            jdbc.sql("insert into site_weekly_window (site_id, weekday, start_time, end_time) values (?, ?, ?, ?)")
                    .params(id, w.weekday().getValue(), w.start(), w.end()).update();
        }
        for (MonthlyWindow w : s.monthlyWindows()) {
            jdbc.sql("""
                    insert into site_monthly_window (site_id, week_of_month, weekday, start_time, end_time)
                    values (?, ?, ?, ?, ?)""")
                    .params(id, w.weekOfMonth(), w.weekday().getValue(), w.start(), w.end()).update();
        }
        return s.withId(id);
    }

    public boolean delete(long id) {
        return jdbc.sql("delete from site where id = ?").param(id).update() > 0;
    }

    private static SiteRecord bareSite(ResultSet rs, int row) throws SQLException {
        return new SiteRecord(rs.getLong("id"), rs.getString("name"), rs.getString("kind"),
                rs.getString("district"), rs.getString("address"), rs.getDouble("latitude"),
                rs.getDouble("longitude"), rs.getInt("setup_minutes"), List.of(), List.of(),
                rs.getString("coord_source"), rs.getString("note"), rs.getString("visibility"));
    }

    private static SiteRecord withWindows(SiteRecord s, List<WeeklyWindow> weekly, List<MonthlyWindow> monthly) {
        return new SiteRecord(s.id(), s.name(), s.kind(), s.district(), s.address(), s.latitude(), s.longitude(),
                s.setupMinutes(), weekly, monthly, s.coordSource(), s.note(), s.visibility());
    }

    private static AccessLegRecord accessLeg(ResultSet rs) throws SQLException {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (Object day : (Object[]) rs.getArray("weekdays").getArray()) {
            days.add(DayOfWeek.of(((Number) day).intValue()));
        }
        return new AccessLegRecord(rs.getString("description"), rs.getInt("minutes_each_way"), days);
    }

    private static WeeklyWindow weekly(ResultSet rs) throws SQLException {
        return new WeeklyWindow(DayOfWeek.of(rs.getInt("weekday")), rs.getObject("start_time", LocalTime.class),
                rs.getObject("end_time", LocalTime.class));
    }

    private static MonthlyWindow monthly(ResultSet rs) throws SQLException {
        return new MonthlyWindow(rs.getInt("week_of_month"), DayOfWeek.of(rs.getInt("weekday")),
                rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class));
    }
}
