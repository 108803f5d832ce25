package de.kuzmobil.data.publicstop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookings of stop slots. PostgreSQL decides who gets a seat: a booking takes one free slot row with
 * {@code for update skip locked} (concurrent bookers get different rows or none) and links it by a
 * unique key, so a stop never has more bookings than appointments, however many ask at once.
 */
@Repository
public class BookingRepository {

    /** A booking with where and when; name and contact are null once erased, the slot once cancelled. */
    public record Booking(long id, long stopId, String service, LocalTime slotStart, String status, String name,
                          String email, String phone, OffsetDateTime createdAt, OffsetDateTime cancelledAt) {
    }

    /** A booking as dispatchers see it, with its stop's visit. */
    public record StopBooking(long stopId, String visitId, LocalDate date, Booking booking) {
    }

    /** A visit with active bookings and where its stop was published. */
    public record BookedVisit(String visitId, LocalDate date, LocalTime start, int bookings) {
    }

    private static final String COLUMNS = """
            b.id, b.stop_id, b.service, s.slot_start, b.status, b.name, b.email, b.phone, b.created_at,
            b.cancelled_at""";

    private final JdbcClient jdbc;

    public BookingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Books the earliest free slot of the service at the stop (or exactly {@code slotStart}).
     *
     * @return empty when no such slot is free
     */
    @Transactional
    public Optional<Booking> book(long stopId, String service, LocalTime slotStart, String codeHash, String name,
                                  String email, String phone) {
        Optional<Integer> seq = jdbc.sql("""
                        select seq from stop_slot
                        where stop_id = ? and service = ? and booking_id is null
                          and (?::time is null or slot_start = ?::time)
                        order by slot_start, seq limit 1 for update skip locked""")
                .params(stopId, service, slotStart, slotStart).query(Integer.class).optional();
        if (seq.isEmpty()) {
            return Optional.empty();
        }
        long id = jdbc.sql("""
                        insert into booking (code_hash, stop_id, service, name, email, phone)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(codeHash, stopId, service, name, email, phone).query(Long.class).single();
        jdbc.sql("update stop_slot set booking_id = ? where stop_id = ? and service = ? and seq = ?")
                .params(id, stopId, service, seq.get()).update();
        return find(id);
    }

    public Optional<Booking> findByCodeHash(String codeHash) {
        return jdbc.sql("select " + COLUMNS + " from booking b left join stop_slot s on s.booking_id = b.id"
                        + " where b.code_hash = ?")
                .param(codeHash).query(BookingRepository::booking).optional();
    }

    private Optional<Booking> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from booking b left join stop_slot s on s.booking_id = b.id"
                        + " where b.id = ?")
                .param(id).query(BookingRepository::booking).optional();
    }

    /** Cancels a booking and frees its slot in one transaction; false when there was nothing to cancel. */
    @Transactional
    public boolean cancel(String codeHash) {
        Optional<Long> id = jdbc.sql("""
                        update booking set status = 'CANCELLED', cancelled_at = now()
                        where code_hash = ? and status = 'BOOKED' returning id""")
                .param(codeHash).query(Long.class).optional();
        id.ifPresent(b -> jdbc.sql("update stop_slot set booking_id = null where booking_id = ?").param(b).update());
        return id.isPresent();
    }

    /** Active bookings of a week's stops, for dispatchers. */
    public List<StopBooking> forWeek(LocalDate weekStart) {
        return jdbc.sql("select p.id as stop, p.visit_id, p.stop_date, " + COLUMNS + """
                         from booking b join public_stop p on p.id = b.stop_id
                         left join stop_slot s on s.booking_id = b.id
                        where p.week_start = ? and b.status = 'BOOKED'
                        order by p.stop_date, s.slot_start, b.id""")
                .param(weekStart)
                .query((rs, n) -> new StopBooking(rs.getLong("stop"), rs.getString("visit_id"),
                        rs.getObject("stop_date", LocalDate.class), booking(rs, n)))
                .list();
    }

    /** Visits of the week whose published stop holds active bookings, where that stop was published. */
    public Map<String, BookedVisit> bookedVisits(LocalDate weekStart) {
        Map<String, BookedVisit> visits = new LinkedHashMap<>();
        jdbc.sql("""
                        select p.visit_id, p.stop_date, p.start_time, count(*)::int
                        from booking b join public_stop p on p.id = b.stop_id
                        where p.week_start = ? and b.status = 'BOOKED'
                        group by p.visit_id, p.stop_date, p.start_time""")
                .param(weekStart)
                .query(rs -> {
                    visits.put(rs.getString(1), new BookedVisit(rs.getString(1), rs.getObject(2, LocalDate.class),
                            rs.getObject(3, LocalTime.class), rs.getInt(4)));
                });
        return visits;
    }

    /**
     * Erases name and contact of bookings whose stop was before {@code before} (data minimisation);
     * the booking's service and slot stay for statistics.
     *
     * @return bookings erased now
     */
    public int eraseBefore(LocalDate before) {
        return jdbc.sql("""
                        update booking set name = null, email = null, phone = null, erased_at = now()
                        where erased_at is null
                          and stop_id in (select id from public_stop where stop_date < ?)""")
                .param(before).update();
    }

    private static Booking booking(ResultSet rs, int row) throws SQLException {
        return new Booking(rs.getLong("id"), rs.getLong("stop_id"), rs.getString("service"),
                rs.getObject("slot_start", LocalTime.class), rs.getString("status"), rs.getString("name"),
                rs.getString("email"), rs.getString("phone"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("cancelled_at", OffsetDateTime.class));
    }
}
