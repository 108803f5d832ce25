package de.kuzmobil.api.booking;

import de.kuzmobil.api.system.AlsoAnswers;
import de.kuzmobil.api.system.ProblemHandler.FieldError;
import de.kuzmobil.api.system.InputRules;
import de.kuzmobil.api.system.Page;
import de.kuzmobil.api.system.PageRequest;
import de.kuzmobil.api.system.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import de.kuzmobil.data.publicstop.BookingRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Citizens book, view and cancel appointments at public stops; dispatchers see who booked. */
@Tag(name = "Bookings", description = "Citizens book, view and cancel appointments at public stops; dispatchers list them")
@RestController
public class BookingController {

    /** What dispatchers see of a stop's bookings. */
    public record StopBookings(long stopId, String visitId, LocalDate date, int booked, List<Entry> bookings) {
    }

    /** One booking for dispatchers: service, time and how to reach the citizen (null once erased). */
    public record Entry(String service, LocalTime slotStart, String name, String email, String phone,
                        OffsetDateTime bookedAt) {
    }

    private final BookingService service;
    private final BookingRepository bookings;
    private final RateLimiter limiter;

    public BookingController(BookingService service, BookingRepository bookings, RateLimiter limiter) {
        this.service = service;
        this.bookings = bookings;
        this.limiter = limiter;
    }

    @Operation(operationId = "bookSlot", summary = "Book an appointment at a public stop",
            description = "Takes one free appointment of the stop for the citizen (first free one, or the slot asked for). The answer carries the booking code, the only key to see or cancel it. A taken slot, a closed or cancelled stop answers 409; requests per address are limited (429).")
    @AlsoAnswers(429)
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/public/stops/{id:\\d+}/bookings")
    public ResponseEntity<BookingDto> book(@PathVariable long id, @Valid @RequestBody BookingRequest request,
                                           HttpServletRequest http) {
        limiter.take(http.getRemoteAddr());
        BookingDto booked = service.book(id, request);
        return ResponseEntity.created(URI.create("/api/v1/public/bookings/" + booked.code())).body(booked);
    }

    @Operation(operationId = "getBooking", summary = "A booking by its code",
            description = "The booking with this code: stop, service and time. Lookups per address are limited (429), since codes are secrets.")
    @AlsoAnswers(429)
    @GetMapping("/api/v1/public/bookings/{code}")
    public BookingDto find(@PathVariable String code, HttpServletRequest http) {
        // codes are secrets: guessing them is limited like booking
        limiter.take(http.getRemoteAddr());
        return service.find(code);
    }

    @Operation(operationId = "cancelBooking", summary = "Cancel a booking by its code",
            description = "Cancels the booking with this code and frees its appointment; possible until the stop begins (409 after).")
    @AlsoAnswers(429)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/api/v1/public/bookings/{code}")
    public ResponseEntity<Void> cancel(@PathVariable String code, HttpServletRequest http) {
        limiter.take(http.getRemoteAddr());
        service.cancel(code);
        return ResponseEntity.noContent().build();
    }

    /** Dispatchers: the week's stops with their active bookings. */
    @Operation(operationId = "listBookings", summary = "The week's bookings per stop (dispatchers)",
            description = "Per stop of the week, its active bookings with the citizens' names and contacts (for dispatchers only), in pages of stops.")
    @GetMapping("/api/v1/bookings")
    public Page<StopBookings> forWeek(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "100") int size) {
        PageRequest paging = PageRequest.of(page, size);
        String problem = InputRules.dateProblem(week);
        if (problem != null) {
            throw new BadRequestException("Invalid week", List.of(new FieldError("week", problem)));
        }
        Map<Long, List<BookingRepository.StopBooking>> byStop = new LinkedHashMap<>();
        bookings.forWeek(week).forEach(b -> byStop.computeIfAbsent(b.stopId(), k -> new ArrayList<>()).add(b));
        List<StopBookings> result = new ArrayList<>();
        byStop.forEach((stop, list) -> result.add(new StopBookings(stop, list.get(0).visitId(), list.get(0).date(),
                list.size(), list.stream().map(b -> new Entry(b.booking().service(), b.booking().slotStart(),
                        b.booking().name(), b.booking().email(), b.booking().phone(), b.booking().createdAt())).toList())));
        // a week's bookings are bounded by its stops' seats: read whole, then cut
        return paging.slice(result);
    }
}
