package de.kuzmobil.data.publicstop;

import java.sql.Array;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Turns a published plan into what citizens see: one public stop per visit at a public site, with a
 * slot per planned appointment. Runs inside the publishing transaction. A stop that was published
 * before for the same week and visit keeps its id, bookings and calendar UID; if its place or time
 * changed, its sequence goes up. Stops the new plan no longer has are cancelled, not deleted.
 */
public final class PublicStopPublisher {

    private record Visit(String visitId, long siteId, int setUpMinutes, LocalDate date, LocalTime start,
                         LocalTime end, List<String> services) {
    }

    private record Known(long id, long siteId, LocalDate date, LocalTime start, LocalTime end, List<String> services,
                         String status) {
    }

    private final JdbcClient jdbc;

    public PublicStopPublisher(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void publish(long planId, LocalDate weekStart) {
        List<Visit> visits = jdbc.sql("""
                        select v.visit_id, v.site_id, s.setup_minutes, v.visit_date, v.start_time, v.end_time, v.services
                        from plan_visit v join site s on s.id = v.site_id
                        where v.plan_id = ? and v.team_id is not null and s.visibility = 'PUBLIC'
                        order by v.visit_date, v.start_time""")
                .param(planId)
                .query((rs, n) -> new Visit(rs.getString(1), rs.getLong(2), rs.getInt(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalTime.class),
                        rs.getObject(6, LocalTime.class), strings(rs.getArray(7))))
                .list();
        Map<String, Known> known = new LinkedHashMap<>();
        jdbc.sql("""
                        select visit_id, id, site_id, stop_date, start_time, end_time, services, status
                        from public_stop where week_start = ?""")
                .param(weekStart)
                .query(rs -> {
                    known.put(rs.getString(1), new Known(rs.getLong(2), rs.getLong(3),
                            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalTime.class),
                            rs.getObject(6, LocalTime.class), strings(rs.getArray(7)), rs.getString(8)));
                });
        Set<String> kept = new HashSet<>();
        for (Visit v : visits) {
            kept.add(v.visitId());
            Known before = known.get(v.visitId());
            long stopId;
            if (before == null) {
                stopId = jdbc.sql("""
                                insert into public_stop (week_start, visit_id, site_id, plan_id, stop_date, start_time,
                                                         end_time, services)
                                values (?, ?, ?, ?, ?, ?, ?, ?::text[]) returning id""")
                        .params(weekStart, v.visitId(), v.siteId(), planId, v.date(), v.start(), v.end(),
                                arrayLiteral(v.services()))
                        .query(Long.class).single();
            } else {
                stopId = before.id();
                boolean moved = before.siteId() != v.siteId() || !before.date().equals(v.date())
                        || !before.start().equals(v.start()) || !before.end().equals(v.end())
                        || !Objects.equals(before.services(), v.services()) || !before.status().equals("ACTIVE");
                jdbc.sql("""
                                update public_stop set plan_id = ?, site_id = ?, stop_date = ?, start_time = ?,
                                    end_time = ?, services = ?::text[], status = 'ACTIVE',
                                    sequence = sequence + case when ? then 1 else 0 end,
                                    last_modified = case when ? then now() else last_modified end
                                where id = ?""")
                        .params(planId, v.siteId(), v.date(), v.start(), v.end(), arrayLiteral(v.services()), moved,
                                moved, stopId)
                        .update();
            }
            writeSlots(planId, stopId, v);
        }
        known.forEach((visitId, stop) -> {
            if (!kept.contains(visitId) && stop.status().equals("ACTIVE")) {
                jdbc.sql("""
                                update public_stop set status = 'CANCELLED', plan_id = ?, sequence = sequence + 1,
                                    last_modified = now() where id = ?""")
                        .params(planId, stop.id()).update();
            }
        });
    }

    /** The stop's seats: times follow the visit; booked seats are never removed. */
    private void writeSlots(long planId, long stopId, Visit v) {
        List<SlotPlan.Share> shares = jdbc.sql("""
                        select d.service_type, st.minutes, sum(pvd.appointments)::int
                        from plan_visit_demand pvd
                        join demand d on d.id = pvd.demand_id
                        join service_type st on st.code = d.service_type
                        where pvd.plan_id = ? and pvd.visit_id = ?
                        group by d.service_type, st.minutes order by d.service_type""")
                .params(planId, v.visitId())
                .query((rs, n) -> new SlotPlan.Share(rs.getString(1), rs.getInt(2), rs.getInt(3))).list();
        List<SlotPlan.Slot> slots = SlotPlan.of(v.start(), v.setUpMinutes(), shares);
        for (SlotPlan.Slot slot : slots) {
            jdbc.sql("""
                            insert into stop_slot (stop_id, service, seq, slot_start) values (?, ?, ?, ?)
                            on conflict (stop_id, service, seq) do update set slot_start = excluded.slot_start""")
                    .params(stopId, slot.service(), slot.seq(), slot.start()).update();
        }
        Map<String, Integer> perService = new LinkedHashMap<>();
        slots.forEach(s -> perService.merge(s.service(), 1, Integer::sum));
        List<String> services = new ArrayList<>(perService.keySet());
        jdbc.sql("""
                        delete from stop_slot where stop_id = ? and booking_id is null
                          and (service <> all(?::text[]) or seq > coalesce(
                               (select n from unnest(?::text[], ?::int[]) as c(service, n)
                                where c.service = stop_slot.service), 0))""")
                .params(stopId, arrayLiteral(services), arrayLiteral(services),
                        "{" + String.join(",", perService.values().stream().map(String::valueOf).toList()) + "}")
                .update();
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    /** Service codes are [A-Z0-9_]: no quoting needed. */
    static String arrayLiteral(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }
}
