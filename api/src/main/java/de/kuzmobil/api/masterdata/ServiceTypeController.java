package de.kuzmobil.api.masterdata;

import de.kuzmobil.api.system.Page;
import de.kuzmobil.api.system.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import de.kuzmobil.api.publicstops.PublicCache;
import de.kuzmobil.api.system.ConflictException;
import de.kuzmobil.api.system.NotFoundException;
import de.kuzmobil.data.servicetype.ServiceTypeRecord;
import de.kuzmobil.data.servicetype.ServiceTypeRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

/** Services citizens book, with counter minutes and the team skill they need. */
@Tag(name = "Master data", description = "Teams, sites and service types")
@RestController
@RequestMapping("/api/v1/service-types")
public class ServiceTypeController {

    public record ServiceTypeDto(@NotBlank @Size(max = 50) @Pattern(regexp = "[A-Z][A-Z0-9_]*") String code,
                                 @NotBlank @Size(max = 200) String name, @NotNull @Min(1) @Max(480) Integer minutes,
                                 @NotBlank @Size(max = 50) String skill) {
        ServiceTypeRecord toRecord() {
            return new ServiceTypeRecord(code, name, minutes, skill);
        }

        static ServiceTypeDto of(ServiceTypeRecord r) {
            return new ServiceTypeDto(r.code(), r.name(), r.minutes(), r.skill());
        }
    }

    private final ServiceTypeRepository types;
    private final PublicCache publicCache;

    public ServiceTypeController(ServiceTypeRepository types, PublicCache publicCache) {
        this.types = types;
        this.publicCache = publicCache;
    }

    @Operation(operationId = "listServiceTypes", summary = "All service types with German names",
            description = "The services by code, in pages with totals, with the names the pages show citizens.")
    @GetMapping
    public Page<ServiceTypeDto> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return PageRequest.of(page, size).slice(types.findAll()).map(ServiceTypeDto::of);
    }

    @Operation(operationId = "getServiceType", summary = "One service type",
            description = "The service (ID card, passport, registration, ...) with its German name, minutes per appointment and needed skill.")
    @GetMapping("/{code}")
    public ServiceTypeDto get(@PathVariable String code) {
        return types.find(code).map(ServiceTypeDto::of).orElseThrow(() -> new NotFoundException("serviceType", code));
    }

    @Operation(operationId = "createServiceType", summary = "Add a service type",
            description = "Adds a service; a code that exists answers 409 (change it with PUT).")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    public ResponseEntity<ServiceTypeDto> create(@Valid @RequestBody ServiceTypeDto type) {
        if (types.find(type.code()).isPresent()) {
            throw new ConflictException("service type " + type.code() + " exists; PUT /api/v1/service-types/"
                    + type.code() + " changes it");
        }
        types.save(type.toRecord());
        publicCache.invalidate();
        return ResponseEntity.created(URI.create("/api/v1/service-types/" + type.code())).body(type);
    }

    @Operation(operationId = "updateServiceType", summary = "Change a service type",
            description = "Changes the name, minutes or skill; demand and plans refer to it by code.")
    @PutMapping("/{code}")
    public ServiceTypeDto update(@PathVariable String code, @Valid @RequestBody ServiceTypeDto type) {
        if (types.find(code).isEmpty()) {
            throw new NotFoundException("serviceType", code);
        }
        ServiceTypeDto stored = new ServiceTypeDto(code, type.name(), type.minutes(), type.skill());
        types.save(stored.toRecord());
        publicCache.invalidate(); // German names show in the citizens' answers
        return stored;
    }

    @Operation(operationId = "deleteServiceType", summary = "Remove a service type",
            description = "Removes a service no demand uses; one in use answers 409.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{code}")
    public ResponseEntity<Void> delete(@PathVariable String code) {
        publicCache.invalidate();
        if (!types.delete(code)) {
            throw new NotFoundException("serviceType", code);
        }
        return ResponseEntity.noContent().build();
    }
}
