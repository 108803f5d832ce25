package de.kuzmobil.data.plan;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who changed which visit of a plan, when, from what to what (JSON snapshots). */
@Repository
public class AuditRepository {

    /** One manual edit. */
    public record AuditEntry(long id, long planId, String visitId, String actor, OffsetDateTime at, String before,
                             String after) {
    }

    private final JdbcClient jdbc;

    public AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long planId, String visitId, String actor, String beforeJson, String afterJson) {
        jdbc.sql("insert into plan_edit_audit (plan_id, visit_id, actor, before, after) values (?, ?, ?, ?::jsonb, ?::jsonb)")
                .params(planId, visitId, actor, beforeJson, afterJson).update();
    }

    /** The plan's edits in the order made; {@code limit} after the first {@code offset}. */
    public List<AuditEntry> forPlan(long planId, int limit, long offset) {
        return jdbc.sql("select id, plan_id, visit_id, actor, at, before::text, after::text from plan_edit_audit"
                        + " where plan_id = ? order by id limit ? offset ?")
                .params(planId, limit, offset)
                .query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getString(7)))
                .list();
    }

    public long countForPlan(long planId) {
        return jdbc.sql("select count(*) from plan_edit_audit where plan_id = ?").param(planId).query(Long.class).single();
    }
}
