package de.kuzmobil.api.demand;

import de.kuzmobil.api.system.Page;
import de.kuzmobil.api.system.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import de.kuzmobil.api.system.BadRequestException;
import de.kuzmobil.api.system.NotFoundException;
import de.kuzmobil.api.system.ProblemHandler.FieldError;
import de.kuzmobil.data.demand.DemandRecord;
import de.kuzmobil.data.demand.DemandRepository;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
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

@Tag(name = "Demand", description = "Appointment demand per site and service, by row or CSV import")
@RestController
@RequestMapping("/api/v1/demands")
public class DemandController {

    private final DemandRepository demand;
    private final DemandService service;
    private final Validator validator;
    private final int maxRows;

    public DemandController(DemandRepository demand, DemandService service, Validator validator,
                            @Value("${kuzmobil.limits.max-csv-rows}") int maxRows) {
        this.demand = demand;
        this.service = service;
        this.validator = validator;
        this.maxRows = maxRows;
    }

    @Operation(operationId = "listDemands", summary = "All demand",
            description = "Demand rows by earliest date, in pages with totals.")
    @GetMapping
    public Page<DemandDto> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        PageRequest paging = PageRequest.of(page, size);
        return paging.of(demand.findPage(paging.size(), paging.offset()).stream().map(DemandDto::of).toList(),
                demand.count());
    }

    @Operation(operationId = "getDemand", summary = "One demand row",
            description = "One demand row: appointments of a service at a site, within dates, with a priority.")
    @GetMapping("/{id}")
    public DemandDto get(@PathVariable long id) {
        return demand.find(id).map(DemandDto::of).orElseThrow(() -> new NotFoundException("demand", id));
    }

    @Operation(operationId = "createDemand", summary = "Add demand",
            description = "Adds one demand row.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(consumes = "application/json")
    public ResponseEntity<DemandDto> create(@Valid @RequestBody DemandDto d) {
        DemandDto saved = DemandDto.of(service.save(d.toRecord(null)));
        return ResponseEntity.created(URI.create("/api/v1/demands/" + saved.id())).body(saved);
    }

    @Operation(operationId = "updateDemand", summary = "Change demand",
            description = "Replaces the demand row; the next plan of the weeks it overlaps uses it.")
    @PutMapping("/{id}")
    public DemandDto update(@PathVariable long id, @Valid @RequestBody DemandDto d) {
        if (demand.find(id).isEmpty()) {
            throw new NotFoundException("demand", id);
        }
        return DemandDto.of(service.save(d.toRecord(id)));
    }

    @Operation(operationId = "deleteDemand", summary = "Remove demand",
            description = "Removes the demand row; stored plans keep what they planned.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable long id) {
        if (!demand.delete(id)) {
            throw new NotFoundException("demand", id);
        }
        return ResponseEntity.noContent().build();
    }

    /** All-or-nothing CSV import: a bad file stores nothing and lists every bad row and column. */
    @Operation(operationId = "importDemands", summary = "Import demand from CSV (all rows or none)",
            description = "Imports a CSV (header siteId, serviceType, appointments, earliestDate, latestDate, priority, note; priority and note optional; comma-separated; UTF-8 with or without BOM; at most 10,000 rows and 5 MB). Each row is checked like a JSON demand. All rows or none: the problem lists every bad row and column.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
    public ResponseEntity<Map<String, Object>> importCsv(@RequestBody String csv) {
        DemandCsv.Parsed parsed = DemandCsv.parse(csv, maxRows, validator);
        List<FieldError> errors = new ArrayList<>(parsed.errors());
        List<DemandRecord> rows = parsed.rows();
        if (errors.isEmpty() && rows.isEmpty()) {
            errors.add(new FieldError("file", "no data rows"));
        }
        for (int i = 0; i < rows.size() && parsed.errors().isEmpty(); i++) {
            errors.addAll(service.unknownIds(rows.get(i), "row " + (i + 2) + ", column "));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException("The file has " + errors.size() + " error(s); nothing was imported", errors);
        }
        List<Long> ids = service.saveAll(rows).stream().map(DemandRecord::id).toList();
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("imported", ids.size(), "ids", ids));
    }
}
