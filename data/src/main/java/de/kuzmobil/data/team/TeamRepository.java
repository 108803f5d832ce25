package de.kuzmobil.data.team;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class TeamRepository {

    private static final String COLUMNS = "id, name, base_name, base_address, base_latitude, base_longitude,"
            + " max_appointments_per_day, break_minutes_over_6h, break_minutes_over_9h,"
            + " break_span_start, break_span_end";

    private final JdbcClient jdbc;

    public TeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<TeamRecord> findAll() {
        Map<Long, Set<String>> skills = new HashMap<>();
        jdbc.sql("select team_id, skill from team_skill").query(rs -> {
            skills.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
        });
        Map<Long, List<Shift>> shifts = new HashMap<>();
        jdbc.sql("select team_id, shift_date, start_time, end_time from team_shift order by shift_date")
                .query(rs -> {
                    shifts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(shift(rs));
                });
        return jdbc.sql("select " + COLUMNS + " from team order by name")
                .query((rs, n) -> team(rs, skills.get(rs.getLong("id")), shifts.get(rs.getLong("id"))))
                .list();
    }

    public Optional<TeamRecord> find(long id) {
        Set<String> skills = new HashSet<>(jdbc.sql("select skill from team_skill where team_id = ?")
                .param(id).query(String.class).list());
        List<Shift> shifts = jdbc.sql(
                        "select team_id, shift_date, start_time, end_time from team_shift where team_id = ? order by shift_date")
                .param(id).query((rs, n) -> shift(rs)).list();
        return jdbc.sql("select " + COLUMNS + " from team where id = ?").param(id)
                .query((rs, n) -> team(rs, skills, shifts)).optional();
    }

    /** Shifts of any team from {@code first} to {@code last}, both included. */
    public long shiftsBetween(java.time.LocalDate first, java.time.LocalDate last) {
        return jdbc.sql("select count(*) from team_shift where shift_date between ? and ?").params(first, last)
                .query(Long.class).single();
    }

    public boolean exists(long id) {
        return jdbc.sql("select count(*) from team where id = ?").param(id).query(Long.class).single() > 0;
    }

    /** Inserts a new team (id null) or replaces an existing one with its skills and shifts. */
    @Transactional
    public TeamRecord save(TeamRecord t) {
        long id;
        if (t.id() == null) {
            id = jdbc.sql("""
                    insert into team (name, base_name, base_address, base_latitude, base_longitude,
                                      max_appointments_per_day, break_minutes_over_6h, break_minutes_over_9h,
                                      break_span_start, break_span_end)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(t.name(), t.baseName(), t.baseAddress(), t.baseLatitude(), t.baseLongitude(),
                            t.maxAppointmentsPerDay(), t.breakMinutesOver6h(), t.breakMinutesOver9h(),
                            t.breakSpanStart(), t.breakSpanEnd())
                    .query(Long.class).single();
        } else {
            id = t.id();
            int n = jdbc.sql("""
                    update team set name = ?, base_name = ?, base_address = ?, base_latitude = ?,
                                    base_longitude = ?, max_appointments_per_day = ?, break_minutes_over_6h = ?,
                                    break_minutes_over_9h = ?, break_span_start = ?, break_span_end = ?
                    where id = ?""")
                    .params(t.name(), t.baseName(), t.baseAddress(), t.baseLatitude(), t.baseLongitude(),
                            t.maxAppointmentsPerDay(), t.breakMinutesOver6h(), t.breakMinutesOver9h(),
                            t.breakSpanStart(), t.breakSpanEnd(), id)
                    .update();
            if (n == 0) {
                throw new IllegalArgumentException("no team with id " + id);
            }
            jdbc.sql("delete from team_skill where team_id = ?").param(id).update();
            jdbc.sql("delete from team_shift where team_id = ?").param(id).update();
        }
        for (String skill : t.skills()) {
            jdbc.sql("insert into team_skill (team_id, skill) values (?, ?)").params(id, skill).update();
        }
        for (Shift s : t.shifts()) {
            jdbc.sql("insert into team_shift (team_id, shift_date, start_time, end_time) values (?, ?, ?, ?)")
                    .params(id, s.date(), s.start(), s.end()).update();
        }
        return t.withId(id);
    }

    public boolean delete(long id) {
        return jdbc.sql("delete from team where id = ?").param(id).update() > 0;
    }

    private static TeamRecord team(ResultSet rs, Set<String> skills, List<Shift> shifts) throws SQLException {
        return new TeamRecord(rs.getLong("id"), rs.getString("name"), rs.getString("base_name"),
                rs.getString("base_address"), rs.getDouble("base_latitude"), rs.getDouble("base_longitude"),
                rs.getInt("max_appointments_per_day"), rs.getInt("break_minutes_over_6h"),
                rs.getInt("break_minutes_over_9h"), rs.getObject("break_span_start", LocalTime.class),
                rs.getObject("break_span_end", LocalTime.class), skills, shifts);
    }

    private static Shift shift(ResultSet rs) throws SQLException {
        return new Shift(rs.getObject("shift_date", LocalDate.class), rs.getObject("start_time", LocalTime.class),
                rs.getObject("end_time", LocalTime.class));
    }
}
