package de.kuzmobil.api.masterdata;

import de.kuzmobil.api.system.Page;
import de.kuzmobil.api.system.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import de.kuzmobil.api.publicstops.PublicCache;
import de.kuzmobil.api.system.NotFoundException;
import de.kuzmobil.data.site.AccessLegRecord;
import de.kuzmobil.data.site.SiteRepository;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
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

/** Sites the mobile teams serve (dispatchers maintain them; the list itself is public information). */
@Tag(name = "Master data", description = "Teams, sites and service types")
@RestController
@RequestMapping("/api/v1/sites")
public class SiteController {

    private final SiteRepository sites;
    private final PublicCache publicCache;

    public SiteController(SiteRepository sites, PublicCache publicCache) {
        this.sites = sites;
        this.publicCache = publicCache;
    }

    /** Anyone may list sites; the dispatchers' notes only go to signed-in users. */
    @Operation(operationId = "listSites", summary = "All sites (internal ones only for signed-in users)",
            description = "The sites by name, in pages with totals. Anyone sees public sites' fields; signed-in users also internal sites (care homes, prisons, wards) and notes.")
    @GetMapping
    public Page<SiteDto> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size, Principal user) {
        PageRequest paging = PageRequest.of(page, size);
        // a city's sites are some hundreds: read whole (with their windows), then cut
        Map<Long, AccessLegRecord> legs = sites.findAccessLegs();
        return paging.slice(sites.findAll()).map(s -> SiteDto.of(s, legs.get(s.id()), user != null));
    }

    @Operation(operationId = "getSite", summary = "One site",
            description = "The site with its opening windows and, for signed-in users, internal notes and an access leg (ship, tidal road).")
    @GetMapping("/{id}")
    public SiteDto get(@PathVariable long id, Principal user) {
        return sites.find(id).map(s -> SiteDto.of(s, sites.findAccessLeg(id).orElse(null), user != null))
                .orElseThrow(() -> new NotFoundException("site", id));
    }

    @Operation(operationId = "createSite", summary = "Add a site",
            description = "Adds a site; the answer's Location names it.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    public ResponseEntity<SiteDto> create(@Valid @RequestBody SiteDto site) {
        SiteDto saved = SiteDto.of(sites.save(site.toRecord(null), site.accessLegRecord()), site.accessLegRecord(),
                true);
        publicCache.invalidate();
        return ResponseEntity.created(URI.create("/api/v1/sites/" + saved.id())).body(saved);
    }

    @Operation(operationId = "updateSite", summary = "Change a site",
            description = "Replaces the site's fields and opening windows as sent; coordinates must lie in or near Hamburg.")
    @PutMapping("/{id}")
    public SiteDto update(@PathVariable long id, @Valid @RequestBody SiteDto site) {
        if (!sites.exists(id)) {
            throw new NotFoundException("site", id);
        }
        SiteDto saved = SiteDto.of(sites.save(site.toRecord(id), site.accessLegRecord()), site.accessLegRecord(), true);
        // name, address and visibility show in the citizens' answers
        publicCache.invalidate();
        return saved;
    }

    @Operation(operationId = "deleteSite", summary = "Remove a site",
            description = "Removes a site without demand or planned visits; one still in use answers 409.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable long id) {
        if (!sites.delete(id)) {
            throw new NotFoundException("site", id);
        }
        publicCache.invalidate();
        return ResponseEntity.noContent().build();
    }
}
