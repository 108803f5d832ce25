package de.kuzmobil.api.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import de.kuzmobil.api.teamleads.TeamLeads;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in, so that a page shows only what that role may do. */
@Tag(name = "Pages", description = "Settings the pages need")
@RestController
public class MeController {

    /**
     * @param roles DISPATCHER and/or TEAM_LEAD
     * @param teamIds the teams whose tours a team lead may edit (a dispatcher edits all: empty)
     */
    public record Me(String username, List<String> roles, List<Long> teamIds) {
    }

    private final TeamLeads teamLeads;

    public MeController(TeamLeads teamLeads) {
        this.teamLeads = teamLeads;
    }

    @Operation(operationId = "me", summary = "The signed-in user and role",
            description = "The user's name, roles, and for a team lead the teams whose tours they may edit.")
    @GetMapping("/api/v1/me")
    public Me me(Authentication user) {
        List<String> roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList();
        return new Me(user.getName(), roles, roles.contains(SecurityConfig.DISPATCHER) ? List.of()
                : List.copyOf(teamLeads.teamsOf(user.getName())));
    }
}
