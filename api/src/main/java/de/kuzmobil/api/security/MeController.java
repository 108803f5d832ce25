package de.kuzmobil.api.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in, so that a page shows only what that role may do. */
@Tag(name = "Pages", description = "Settings the pages need")
@RestController
public class MeController {

    /** @param roles DISPATCHER and/or TEAM_LEAD */
    public record Me(String username, List<String> roles) {
    }

    @Operation(operationId = "me", summary = "The signed-in user and role")
    @GetMapping("/api/v1/me")
    public Me me(Authentication user) {
        return new Me(user.getName(), user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList());
    }
}
