package de.kuzmobil.api.booking;

import de.kuzmobil.data.publicstop.BookingRepository;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Data minimisation: names and contacts of bookings are erased {@code kuzmobil.booking.retention-days}
 * after their stop, every night and at start-up.
 */
@Component
public class BookingRetention {

    private static final Logger log = LoggerFactory.getLogger(BookingRetention.class);

    private final BookingRepository bookings;
    private final BookingPolicy policy;

    public BookingRetention(BookingRepository bookings, BookingPolicy policy) {
        this.bookings = bookings;
        this.policy = policy;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "${kuzmobil.booking.erase-cron}", zone = "Europe/Berlin")
    public void erase() {
        LocalDate before = LocalDate.now(policy.clock()).minusDays(policy.retentionDays());
        int erased = bookings.eraseBefore(before);
        if (erased > 0) {
            log.info("Erased names and contacts of {} bookings of stops before {}", erased, before);
        }
    }
}
