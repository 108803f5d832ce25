package de.kuzmobil.api.adjust;

import de.kuzmobil.api.system.AlsoAnswers;
import de.kuzmobil.api.system.Page;
import de.kuzmobil.api.system.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import de.kuzmobil.api.plans.PlanDto;
import de.kuzmobil.api.plans.PlanEdits;
import de.kuzmobil.api.system.NotFoundException;
import de.kuzmobil.api.teamleads.TeamLeads;
import de.kuzmobil.data.plan.AuditRepository;
import de.kuzmobil.data.plan.PlanRepository;
import de.kuzmobil.planner.explain.HardViolation;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Team leads move and pin visits by hand; every edit is audited. */
@Tag(name = "Hand edits", description = "Moving, pinning and unassigning visits of a plan; the audit of those edits")
@RestController
@RequestMapping("/api/v1/plans/{planId}")
public class AdjustController {

    /**
     * The plan after the edit, the hard rules the moved visit now breaks (empty: all fine), and the
     * citizens' bookings a dispatcher's override affects (to inform them).
     */
    public record EditResponse(PlanDto plan, List<HardViolation> brokenRules, List<AffectedBooking> affectedBookings) {
    }

    /** A booking at a stop that an override moved. */
    public record AffectedBooking(long stopId, String service, java.time.LocalTime slotStart, String name, String email,
                                  String phone) {
    }

    /** One audited edit with the visit's placement before and after. */
    public record AuditDto(long id, String visitId, String actor, OffsetDateTime at, JsonNode before, JsonNode after) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AdjustService service;
    private final PlanEdits edits;
    private final PlanRepository plans;
    private final AuditRepository audit;
    private final TeamLeads teamLeads;

    public AdjustController(AdjustService service, PlanEdits edits, PlanRepository plans, AuditRepository audit,
                            TeamLeads teamLeads) {
        this.teamLeads = teamLeads;
        this.service = service;
        this.edits = edits;
        this.plans = plans;
        this.audit = audit;
    }

    @Operation(operationId = "editVisit", summary = "Move, pin, unpin or unassign a visit (If-Match)",
            description = "Applies the edit even when it breaks a rule (the answer lists which), re-times the tours"
                    + " and writes the audit. Team leads edit only visits on or into their own teams' tours (403"
                    + " otherwise); a visit whose published stop citizens booked changes only by a dispatcher with"
                    + " overrideBookings (409 otherwise). If-Match: the plan's ETag or *.")
    @AlsoAnswers(503)
    @PatchMapping("/visits/{visitId}")
    public ResponseEntity<EditResponse> edit(@PathVariable long planId, @PathVariable String visitId,
                                             @Valid @RequestBody VisitEdit edit,
                                             @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                             Authentication user) {
        boolean dispatcher = user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_DISPATCHER"));
        AdjustService.Editor editor = new AdjustService.Editor(user.getName(), dispatcher,
                dispatcher ? java.util.Set.of() : teamLeads.teamsOf(user.getName()));
        AdjustService.Result result = service.edit(planId, visitId, edit, ifMatch, editor);
        return ResponseEntity.ok().eTag(PlanEdits.etag(result.plan()))
                .body(new EditResponse(edits.read(result.plan()), result.brokenRules(),
                        result.affectedBookings().stream().map(b -> new AffectedBooking(b.stopId(),
                                b.booking().service(), b.booking().slotStart(), b.booking().name(),
                                b.booking().email(), b.booking().phone())).toList()));
    }

    @Operation(operationId = "planAudit", summary = "A plan's hand edits",
            description = "Every hand edit of the plan in the order made (who, when, the visit before and after), in pages with totals.")
    @GetMapping("/audit")
    public Page<AuditDto> audit(@PathVariable long planId, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        PageRequest paging = PageRequest.of(page, size);
        if (plans.find(planId).isEmpty()) {
            throw new NotFoundException("plan", planId);
        }
        return paging.of(audit.forPlan(planId, paging.size(), paging.offset()).stream().map(e -> new AuditDto(e.id(),
                e.visitId(), e.actor(), e.at(), JSON.readTree(e.before()), JSON.readTree(e.after()))).toList(),
                audit.countForPlan(planId));
    }
}
