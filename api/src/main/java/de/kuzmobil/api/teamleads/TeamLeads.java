package de.kuzmobil.api.teamleads;

import de.kuzmobil.api.system.BadRequestException;
import de.kuzmobil.api.system.NotFoundException;
import de.kuzmobil.api.system.ProblemHandler.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which teams each team lead leads (table team_lead). */
@Service
public class TeamLeads {

    /** A team lead and the ids of the teams they lead. */
    public record TeamLead(String username, List<Long> teamIds) {
    }

    private final JdbcClient jdbc;

    public TeamLeads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Set<Long> teamsOf(String username) {
        return new LinkedHashSet<>(jdbc.sql("select team_id from team_lead where username = ? order by team_id")
                .param(username).query(Long.class).list());
    }

    /** Every user with the TEAM_LEAD role, by name, with their teams. */
    public List<TeamLead> all() {
        Map<String, List<Long>> teams = new LinkedHashMap<>();
        jdbc.sql("select username from app_user where role = 'TEAM_LEAD' order by username").query(String.class).list()
                .forEach(u -> teams.put(u, new ArrayList<>()));
        jdbc.sql("select username, team_id from team_lead order by team_id").query(rs -> {
            List<Long> ids = teams.get(rs.getString(1));
            if (ids != null) {
                ids.add(rs.getLong(2));
            }
        });
        return teams.entrySet().stream().map(e -> new TeamLead(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    /** Replaces the teams a team lead leads; unknown teams refuse the whole change. */
    @Transactional
    public TeamLead assign(String username, List<Long> teamIds) {
        boolean teamLead = jdbc.sql("select count(*) from app_user where username = ? and role = 'TEAM_LEAD'")
                .param(username).query(Long.class).single() > 0;
        if (!teamLead) {
            throw new NotFoundException("teamLead", username);
        }
        Set<Long> known = new LinkedHashSet<>(jdbc.sql("select id from team where id = any(?)")
                .param(teamIds.toArray(Long[]::new)).query(Long.class).list());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < teamIds.size(); i++) {
            if (!known.contains(teamIds.get(i))) {
                errors.add(new FieldError("teamIds[" + i + "]", "unknown team " + teamIds.get(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException("Unknown teams", errors);
        }
        jdbc.sql("delete from team_lead where username = ?").param(username).update();
        for (Long team : new LinkedHashSet<>(teamIds)) {
            jdbc.sql("insert into team_lead (username, team_id) values (?, ?)").params(username, team).update();
        }
        return new TeamLead(username, List.copyOf(teamsOf(username)));
    }
}
