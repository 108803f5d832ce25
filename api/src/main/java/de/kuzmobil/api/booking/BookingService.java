package de.kuzmobil.api.booking;

import de.kuzmobil.api.publicstops.PublicCache;
import de.kuzmobil.api.system.BadRequestException;
import de.kuzmobil.api.system.ConflictException;
import de.kuzmobil.api.system.NotFoundException;
import de.kuzmobil.api.system.ProblemHandler.FieldError;
import de.kuzmobil.data.publicstop.BookingRepository;
import de.kuzmobil.data.publicstop.PublicStop;
import de.kuzmobil.data.publicstop.PublicStopRepository;
import de.kuzmobil.data.servicetype.ServiceTypeRecord;
import de.kuzmobil.data.servicetype.ServiceTypeRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * A citizen books one appointment at a published stop, views and cancels it with the booking code.
 * Seats are decided by PostgreSQL ({@link BookingRepository}); this class checks everything else.
 */
@Service
public class BookingService {

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BookingRepository bookings;
    private final PublicStopRepository stops;
    private final ServiceTypeRepository serviceTypes;
    private final BookingPolicy policy;
    private final PublicCache cache;

    public BookingService(BookingRepository bookings, PublicStopRepository stops, ServiceTypeRepository serviceTypes,
                          BookingPolicy policy, PublicCache cache) {
        this.bookings = bookings;
        this.stops = stops;
        this.serviceTypes = serviceTypes;
        this.policy = policy;
        this.cache = cache;
    }

    public BookingDto book(long stopId, BookingRequest request) {
        PublicStop stop = stops.find(stopId).orElseThrow(() -> new NotFoundException("stop", stopId));
        ServiceTypeRecord service = service(stop, request.service());
        if (!stop.active()) {
            throw new ConflictException("this stop was cancelled; please choose another one");
        }
        if (!policy.open(stop)) {
            throw new ConflictException("booking for this stop closed at " + policy.closesAt(stop).toLocalTime()
                    + " on " + policy.closesAt(stop).toLocalDate() + " (" + policy.closesBefore().toHours()
                    + " h before it starts)");
        }
        String code = newCode();
        BookingRepository.Booking booked = bookings.book(stopId, service.code(), request.slotStart(), hash(code),
                        request.name().strip(), blankToNull(request.email()), blankToNull(request.phone()))
                .orElseThrow(() -> new ConflictException(request.slotStart() == null
                        ? "no free appointment for " + service.name() + " at this stop any more"
                        : "the appointment at " + request.slotStart() + " for " + service.name() + " is not free"));
        cache.invalidate();
        return dto(code, booked, stop, service.name());
    }

    public BookingDto find(String code) {
        BookingRepository.Booking b = bookings.findByCodeHash(hash(normalise(code)))
                .orElseThrow(() -> NotFoundException.bookingCode());
        PublicStop stop = stops.find(b.stopId()).orElseThrow(() -> NotFoundException.bookingCode());
        return dto(null, b, stop, name(b.service()));
    }

    public void cancel(String code) {
        String hash = hash(normalise(code));
        BookingRepository.Booking b = bookings.findByCodeHash(hash)
                .orElseThrow(() -> NotFoundException.bookingCode());
        PublicStop stop = stops.find(b.stopId()).orElseThrow(() -> NotFoundException.bookingCode());
        if (!policy.cancellable(stop)) {
            throw new ConflictException("the stop has begun; a booking can be cancelled until it starts");
        }
        if (!bookings.cancel(hash)) {
            throw new ConflictException("this booking is cancelled already");
        }
        cache.invalidate();
    }

    /** The service by code or German name, any case, and only one this stop offers. */
    private ServiceTypeRecord service(PublicStop stop, String wanted) {
        List<ServiceTypeRecord> offered = serviceTypes.findAll().stream()
                .filter(t -> stop.freeSlots().containsKey(t.code())).toList();
        Optional<ServiceTypeRecord> match = offered.stream()
                .filter(t -> t.code().equalsIgnoreCase(wanted.strip()) || t.name().equalsIgnoreCase(wanted.strip()))
                .findFirst();
        return match.orElseThrow(() -> new BadRequestException("Service not offered at this stop", List.of(
                new FieldError("service", "'" + wanted + "' is not offered here; offered: " + String.join(", ",
                        offered.stream().map(t -> t.code() + " (" + t.name() + ")").toList())))));
    }

    private String name(String code) {
        return serviceTypes.find(code).map(ServiceTypeRecord::name).orElse(code);
    }

    private static BookingDto dto(String code, BookingRepository.Booking b, PublicStop stop, String serviceName) {
        return new BookingDto(code, stop.id(), stop.siteName(), stop.address(), stop.date(), b.slotStart(), b.service(),
                serviceName, b.status(), b.name(), b.email(), b.phone(),
                "/api/v1/public/stops/" + stop.id() + ".ics");
    }

    /** 130 random bits in base32: unguessable, and easy to read out on the phone. */
    static String newCode() {
        byte[] bytes = new byte[17];
        RANDOM.nextBytes(bytes);
        StringBuilder code = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5 && code.length() < 26) {
                code.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return code.toString();
    }

    static String normalise(String code) {
        return code == null ? "" : code.strip().toLowerCase(Locale.ROOT).replace("-", "");
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
