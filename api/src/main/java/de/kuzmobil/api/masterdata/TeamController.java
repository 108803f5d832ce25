package de.kuzmobil.api.masterdata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import de.kuzmobil.api.system.NotFoundException;
import de.kuzmobil.data.team.TeamRepository;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Master data", description = "Teams, sites and service types")
@RestController
@RequestMapping("/api/v1/teams")
public class TeamController {

    private final TeamRepository teams;

    public TeamController(TeamRepository teams) {
        this.teams = teams;
    }

    @Operation(operationId = "listTeams", summary = "All teams")
    @GetMapping
    public List<TeamDto> list() {
        return teams.findAll().stream().map(TeamDto::of).toList();
    }

    @Operation(operationId = "getTeam", summary = "One team")
    @GetMapping("/{id}")
    public TeamDto get(@PathVariable long id) {
        return teams.find(id).map(TeamDto::of).orElseThrow(() -> new NotFoundException("team", id));
    }

    @Operation(operationId = "createTeam", summary = "Add a team")
    @PostMapping
    public ResponseEntity<TeamDto> create(@Valid @RequestBody TeamDto team) {
        TeamDto saved = TeamDto.of(teams.save(team.toRecord(null)));
        return ResponseEntity.created(URI.create("/api/v1/teams/" + saved.id())).body(saved);
    }

    @Operation(operationId = "updateTeam", summary = "Change a team")
    @PutMapping("/{id}")
    public TeamDto update(@PathVariable long id, @Valid @RequestBody TeamDto team) {
        if (!teams.exists(id)) {
            throw new NotFoundException("team", id);
        }
        return TeamDto.of(teams.save(team.toRecord(id)));
    }

    @Operation(operationId = "deleteTeam", summary = "Remove a team")
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable long id) {
        if (!teams.delete(id)) {
            throw new NotFoundException("team", id);
        }
        return ResponseEntity.noContent().build();
    }
}
