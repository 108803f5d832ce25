package de.kuzmobil.api.demand;

import de.kuzmobil.api.system.BadRequestException;
import de.kuzmobil.api.system.ProblemHandler.FieldError;
import de.kuzmobil.data.demand.DemandRecord;
import de.kuzmobil.data.demand.DemandRepository;
import de.kuzmobil.data.servicetype.ServiceTypeRepository;
import de.kuzmobil.data.site.SiteRepository;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores demand after checking that its site and service type exist (named in the error). */
@Service
public class DemandService {

    private final DemandRepository demand;
    private final SiteRepository sites;
    private final ServiceTypeRepository serviceTypes;

    public DemandService(DemandRepository demand, SiteRepository sites, ServiceTypeRepository serviceTypes) {
        this.demand = demand;
        this.sites = sites;
        this.serviceTypes = serviceTypes;
    }

    public DemandRecord save(DemandRecord d) {
        List<FieldError> errors = unknownIds(d, "");
        if (!errors.isEmpty()) {
            throw new BadRequestException("Unknown " + errors.get(0).field(), errors);
        }
        return demand.save(d);
    }

    /** All rows or none; the caller has checked each row's own fields. */
    @Transactional
    public List<DemandRecord> saveAll(List<DemandRecord> rows) {
        return rows.stream().map(demand::save).toList();
    }

    List<FieldError> unknownIds(DemandRecord d, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (!sites.exists(d.siteId())) {
            errors.add(new FieldError(prefix + "siteId", "unknown site " + d.siteId()));
        }
        if (serviceTypes.find(d.serviceType()).isEmpty()) {
            errors.add(new FieldError(prefix + "serviceType", "unknown service type " + d.serviceType()));
        }
        return errors;
    }
}
