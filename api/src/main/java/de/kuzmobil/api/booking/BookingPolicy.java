package de.kuzmobil.api.booking;

import de.kuzmobil.data.publicstop.PublicStop;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When booking is possible and how long personal data is kept: booking closes a while before the stop
 * starts (the team prepares the day), and names and contacts are erased some days after it.
 */
@Component
public class BookingPolicy {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final Duration closesBefore;
    private final int retentionDays;
    private final Clock clock;

    /** @param clock the application's clock (tests fix it) */
    public BookingPolicy(@Value("${kuzmobil.booking.closes-before}") Duration closesBefore,
                         @Value("${kuzmobil.booking.retention-days}") int retentionDays, Clock clock) {
        if (closesBefore.isNegative() || retentionDays < 0) {
            throw new IllegalArgumentException("kuzmobil.booking.closes-before and retention-days must not be negative");
        }
        this.closesBefore = closesBefore;
        this.retentionDays = retentionDays;
        this.clock = clock;
    }

    /** Until when the stop takes bookings (its start minus the closing time, Berlin time). */
    public ZonedDateTime closesAt(PublicStop stop) {
        return stop.date().atTime(stop.start()).atZone(BERLIN).minus(closesBefore);
    }

    public boolean open(PublicStop stop) {
        return stop.active() && ZonedDateTime.now(clock).isBefore(closesAt(stop));
    }

    /** A booking may be cancelled until the stop starts. */
    public boolean cancellable(PublicStop stop) {
        return ZonedDateTime.now(clock).isBefore(stop.date().atTime(stop.start()).atZone(BERLIN));
    }

    public int retentionDays() {
        return retentionDays;
    }

    public Duration closesBefore() {
        return closesBefore;
    }

    Clock clock() {
        return clock;
    }
}
