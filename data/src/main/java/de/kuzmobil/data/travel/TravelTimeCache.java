package de.kuzmobil.data.travel;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored travel times per (profile, graph version, from, to); a new graph version simply misses. */
@Repository
public class TravelTimeCache {

    /** One cached leg. */
    public record Leg(String fromId, String toId, long seconds, long meters) {
    }

    private final JdbcClient jdbc;

    public TravelTimeCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every cached leg between the given locations, keyed by "from→to". */
    public Map<String, Leg> legsBetween(String profile, String graphVersion, Collection<String> ids) {
        Map<String, Leg> legs = new HashMap<>();
        if (ids.isEmpty()) {
            return legs;
        }
        String[] array = ids.toArray(String[]::new);
        jdbc.sql("""
                select from_id, to_id, seconds, meters from travel_time
                where profile = ? and graph_version = ? and from_id = any(?) and to_id = any(?)""")
                .params(profile, graphVersion, array, array)
                .query(rs -> {
                    Leg leg = new Leg(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4));
                    legs.put(key(leg.fromId(), leg.toId()), leg);
                });
        return legs;
    }

    public void store(String profile, String graphVersion, List<Leg> legs) {
        for (int i = 0; i < legs.size(); i += 500) {
            List<Leg> batch = legs.subList(i, Math.min(legs.size(), i + 500));
            StringBuilder sql = new StringBuilder(
                    "insert into travel_time (profile, graph_version, from_id, to_id, seconds, meters) values ");
            Object[] params = new Object[batch.size() * 6];
            for (int j = 0; j < batch.size(); j++) {
                Leg leg = batch.get(j);
                sql.append(j == 0 ? "" : ",").append("(?, ?, ?, ?, ?, ?)");
                System.arraycopy(new Object[] {profile, graphVersion, leg.fromId(), leg.toId(), leg.seconds(),
                        leg.meters()}, 0, params, j * 6, 6);
            }
            sql.append(" on conflict (profile, graph_version, from_id, to_id)"
                    + " do update set seconds = excluded.seconds, meters = excluded.meters, computed_at = now()");
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    public Map<String, String> problems(String profile, String graphVersion, Collection<String> ids) {
        Map<String, String> problems = new HashMap<>();
        if (ids.isEmpty()) {
            return problems;
        }
        jdbc.sql("""
                select location_id, problem from travel_location_problem
                where profile = ? and graph_version = ? and location_id = any(?)""")
                .params(profile, graphVersion, ids.toArray(String[]::new))
                .query(rs -> {
                    problems.put(rs.getString(1), rs.getString(2));
                });
        return problems;
    }

    public void storeProblems(String profile, String graphVersion, Map<String, String> problems) {
        problems.forEach((id, problem) -> jdbc.sql("""
                insert into travel_location_problem (profile, graph_version, location_id, problem) values (?, ?, ?, ?)
                on conflict (profile, graph_version, location_id) do update set problem = excluded.problem""")
                .params(profile, graphVersion, id, problem).update());
    }

    static String key(String from, String to) {
        return from + "\u2192" + to;
    }
}
