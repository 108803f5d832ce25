package de.kuzmobil.api.publicstops;

import de.kuzmobil.api.system.BadRequestException;
import de.kuzmobil.api.system.ProblemHandler.FieldError;
import de.kuzmobil.data.plan.PublicStopRecord;
import de.kuzmobil.data.plan.PublicStopRepository;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Citizens' look-up of upcoming mobile stops: published plans only, nothing internal, no login. */
@RestController
@RequestMapping("/api/v1/public")
public class PublicStopController {

    /** One page of stops. */
    public record StopPage(List<PublicStopDto> content, PageInfo page) {
    }

    /** Page number (from 0), size, and totals. */
    public record PageInfo(int number, int size, long totalElements, int totalPages) {
    }

    private final PublicStopRepository stops;

    public PublicStopController(PublicStopRepository stops) {
        this.stops = stops;
    }

    @GetMapping("/stops")
    public StopPage stops(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          @RequestParam(required = false) String district,
                          @RequestParam(required = false) String service,
                          @RequestParam(required = false) String near,
                          @RequestParam(required = false) Double radiusKm,
                          @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw new BadRequestException("Invalid page", List.of(new FieldError(page < 0 ? "page" : "size",
                    page < 0 ? "must be 0 or more" : "must be between 1 and 200")));
        }
        List<PublicStopDto> all = StopQuery.of(from, to, district, service, near, radiusKm).run(stops).stream()
                .map(m -> PublicStopDto.of(m.stop(), m.distanceKm())).toList();
        int fromIndex = (int) Math.min((long) page * size, all.size());
        int toIndex = Math.min(fromIndex + size, all.size());
        return new StopPage(all.subList(fromIndex, toIndex),
                new PageInfo(page, size, all.size(), (all.size() + size - 1) / size));
    }

    @GetMapping(value = "/stops.ics", produces = "text/calendar")
    public ResponseEntity<String> calendar(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String district,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String near,
            @RequestParam(required = false) Double radiusKm) {
        List<PublicStopRecord> list = StopQuery.of(from, to, district, service, near, radiusKm).run(stops).stream()
                .map(StopQuery.Match::stop).toList();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .body(StopCalendar.render(list));
    }
}
