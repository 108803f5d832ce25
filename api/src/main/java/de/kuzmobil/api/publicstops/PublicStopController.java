package de.kuzmobil.api.publicstops;

import de.kuzmobil.api.booking.BookingPolicy;
import de.kuzmobil.api.system.NotFoundException;
import de.kuzmobil.api.system.Page;
import de.kuzmobil.api.system.PageRequest;
import de.kuzmobil.data.publicstop.PublicStop;
import de.kuzmobil.data.publicstop.PublicStopRepository;
import de.kuzmobil.data.servicetype.ServiceTypeRecord;
import de.kuzmobil.data.servicetype.ServiceTypeRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Citizens' look-up of upcoming mobile stops: published plans of public sites only, no login. Answers
 * are rendered once and served from {@link PublicCache} with ETags.
 */
@Tag(name = "Public stops", description = "Upcoming stops of published plans at public sites, as JSON and iCalendar")
@RestController
@RequestMapping("/api/v1/public")
public class PublicStopController {

    /** Citizens page through a few weeks of stops, already in memory (and cached). */
    private static final int MAX_PAGE = 200;

    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar; charset=UTF-8");

    /** One page of stops (the API document's name for it). */
    public record StopPage(List<PublicStopDto> content, Page.PageInfo page) {
    }

    /** A bookable appointment: its service, start and whether it is still free. */
    public record SlotDto(String service, String serviceName, LocalTime start, boolean free) {
    }

    private final PublicStopRepository stops;
    private final ServiceTypeRepository serviceTypes;
    private final Postcodes postcodes;
    private final BookingPolicy policy;
    private final PublicCache cache;
    private final JsonMapper json;
    private final Clock clock;

    public PublicStopController(PublicStopRepository stops, ServiceTypeRepository serviceTypes, Postcodes postcodes,
                                BookingPolicy policy, PublicCache cache, JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
        this.stops = stops;
        this.serviceTypes = serviceTypes;
        this.postcodes = postcodes;
        this.policy = policy;
        this.cache = cache;
    }

    @Operation(operationId = "listPublicStops", summary = "Upcoming public stops", description = "district and service may repeat (any of); service "
            + "matches code or German name; near is a Hamburg postcode or 'latitude,longitude'")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = StopPage.class)))
    @GetMapping(value = "/stops", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<byte[]> stops(
            @ParameterObject StopFilter filter,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch,
            HttpServletRequest request) {
        return cache.answer(key(request), ifNoneMatch, MediaType.APPLICATION_JSON, () -> {
            PageRequest paging = PageRequest.of(page, size, MAX_PAGE);
            StopSearch search = filter.search(vocabulary());
            Map<String, String> names = names();
            List<PublicStopDto> all = search.run(stops, false).stream()
                    .map(m -> PublicStopDto.of(m.stop(), names, bookable(m.stop()), m.distanceKm())).toList();
            return json.writeValueAsString(paging.slice(all));
        });
    }

    @Operation(operationId = "publicStopsCalendar", summary = "The stops as an iCalendar feed to subscribe to (also cancelled ones, so calendars drop them)",
            description = "The filtered stops as an iCalendar feed to subscribe to. Cancelled stops stay in it as cancelled events, so subscribed calendars drop them.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/calendar"))
    @GetMapping(value = "/stops.ics", produces = "text/calendar")
    public ResponseEntity<byte[]> calendar(
            @ParameterObject StopFilter filter,
            @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch,
            HttpServletRequest request) {
        return cache.answer(key(request), ifNoneMatch, CALENDAR, () -> {
            StopSearch search = filter.search(vocabulary());
            List<PublicStop> list = search.run(stops, true).stream().map(StopSearch.Match::stop).toList();
            return StopCalendar.render("Hamburg Service vor Ort: mobile Stopps", list, names(), base(request));
        });
    }

    @Operation(operationId = "getPublicStop", summary = "One public stop",
            description = "A published stop: site, date, time, services and whether it can be booked.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = PublicStopDto.class)))
    @GetMapping(value = "/stops/{id:\\d+}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<byte[]> stop(@PathVariable long id,
                                       @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch,
                                       HttpServletRequest request) {
        return cache.answer(key(request), ifNoneMatch, MediaType.APPLICATION_JSON, () -> {
            PublicStop s = stops.find(id).orElseThrow(() -> new NotFoundException("stop", id));
            return json.writeValueAsString(PublicStopDto.of(s, names(), bookable(s), null));
        });
    }

    @Operation(operationId = "publicStopCalendar", summary = "One public stop as an iCalendar file",
            description = "One stop as an iCalendar file (Europe/Berlin times) to add to a calendar.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/calendar"))
    @GetMapping(value = "/stops/{id:\\d+}.ics", produces = "text/calendar")
    public ResponseEntity<byte[]> stopCalendar(@PathVariable long id,
                                               @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch,
                                               HttpServletRequest request) {
        return cache.answer(key(request), ifNoneMatch, CALENDAR, () -> {
            PublicStop s = stops.find(id).orElseThrow(() -> new NotFoundException("stop", id));
            return StopCalendar.render("Hamburg Service vor Ort: " + s.siteName(), List.of(s), names(), base(request));
        });
    }

    @Operation(operationId = "listSlots", summary = "A stop's bookable appointments, free or taken",
            description = "The stop's appointments by service and time, each free or taken (no names).")
    @GetMapping("/stops/{id:\\d+}/slots")
    public List<SlotDto> slots(@PathVariable long id) {
        stops.find(id).orElseThrow(() -> new NotFoundException("stop", id));
        Map<String, String> names = names();
        return stops.slots(id).stream()
                .map(s -> new SlotDto(s.service(), names.getOrDefault(s.service(), s.service()), s.start(), s.free()))
                .toList();
    }

    @Operation(operationId = "listDistricts", summary = "Districts with public stops, for search filters",
            description = "The districts that have public stops, for the citizens' filter.")
    @GetMapping("/districts")
    public List<String> districts() {
        return stops.districts();
    }

    private boolean bookable(PublicStop s) {
        return policy.open(s) && s.freeSlots().values().stream().anyMatch(n -> n > 0);
    }

    private StopSearch.Vocabulary vocabulary() {
        return new StopSearch.Vocabulary(serviceTypes.findAll(), stops.districts(), postcodes, LocalDate.now(clock));
    }

    private Map<String, String> names() {
        return serviceTypes.findAll().stream().collect(Collectors.toMap(ServiceTypeRecord::code, ServiceTypeRecord::name));
    }

    private static String key(HttpServletRequest request) {
        return request.getRequestURL() + "?" + request.getQueryString();
    }

    private static String base(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath();
    }
}
