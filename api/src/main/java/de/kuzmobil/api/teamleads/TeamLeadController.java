package de.kuzmobil.api.teamleads;

import de.kuzmobil.api.system.Page;
import de.kuzmobil.api.system.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Dispatchers say which teams each team lead leads; team leads edit only those teams' tours. */
@Tag(name = "Team leads", description = "Which teams each team lead may edit tours of")
@RestController
@RequestMapping("/api/v1/team-leads")
public class TeamLeadController {

    /** The teams a team lead leads, replacing the ones before. */
    public record TeamAssignment(@NotNull @Size(max = 1000) List<@NotNull Long> teamIds) {
    }

    private final TeamLeads teamLeads;

    public TeamLeadController(TeamLeads teamLeads) {
        this.teamLeads = teamLeads;
    }

    @Operation(operationId = "listTeamLeads", summary = "Team leads and their teams",
            description = "Every user with the TEAM_LEAD role (users live in the table app_user) and the teams they lead.")
    @GetMapping
    public Page<TeamLeads.TeamLead> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return PageRequest.of(page, size).slice(teamLeads.all());
    }

    @Operation(operationId = "assignTeams", summary = "Set the teams a team lead leads",
            description = "Replaces the team lead's teams; an unknown team refuses the whole change (400).")
    @PutMapping("/{username}/teams")
    public TeamLeads.TeamLead assign(@PathVariable String username, @Valid @RequestBody TeamAssignment body) {
        return teamLeads.assign(username, body.teamIds());
    }
}
