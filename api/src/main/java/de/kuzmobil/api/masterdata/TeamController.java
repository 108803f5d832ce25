package de.kuzmobil.api.masterdata;

import de.kuzmobil.api.system.Page;
import de.kuzmobil.api.system.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import de.kuzmobil.api.system.NotFoundException;
import de.kuzmobil.data.team.TeamRepository;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Master data", description = "Teams, sites and service types")
@RestController
@RequestMapping("/api/v1/teams")
public class TeamController {

    private final TeamRepository teams;

    public TeamController(TeamRepository teams) {
        this.teams = teams;
    }

    @Operation(operationId = "listTeams", summary = "All teams",
            description = "The teams by name, in pages (page from 0, size up to 1000, default 100) with totals.")
    @GetMapping
    public Page<TeamDto> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        // a city's teams are few: read whole, then cut
        return PageRequest.of(page, size).slice(teams.findAll()).map(TeamDto::of);
    }

    @Operation(operationId = "getTeam", summary = "One team",
            description = "The team with its base, skills, daily limits, break rule and dated shifts.")
    @GetMapping("/{id}")
    public TeamDto get(@PathVariable long id) {
        return teams.find(id).map(TeamDto::of).orElseThrow(() -> new NotFoundException("team", id));
    }

    @Operation(operationId = "createTeam", summary = "Add a team",
            description = "Adds a team; the answer's Location names it.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    public ResponseEntity<TeamDto> create(@Valid @RequestBody TeamDto team) {
        TeamDto saved = TeamDto.of(teams.save(team.toRecord(null)));
        return ResponseEntity.created(URI.create("/api/v1/teams/" + saved.id())).body(saved);
    }

    @Operation(operationId = "updateTeam", summary = "Change a team",
            description = "Replaces the team's fields and shifts as sent. Plans made before keep their copy; the next plan uses the change.")
    @PutMapping("/{id}")
    public TeamDto update(@PathVariable long id, @Valid @RequestBody TeamDto team) {
        if (!teams.exists(id)) {
            throw new NotFoundException("team", id);
        }
        return TeamDto.of(teams.save(team.toRecord(id)));
    }

    @Operation(operationId = "deleteTeam", summary = "Remove a team",
            description = "Removes a team no plan refers to; a team in a stored plan answers 409.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable long id) {
        if (!teams.delete(id)) {
            throw new NotFoundException("team", id);
        }
        return ResponseEntity.noContent().build();
    }
}
