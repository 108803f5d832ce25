package de.kuzmobil.api.booking;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A booking as its holder sees it. {@code code} is only in the answer to the booking itself: it is the
 * only key to view or cancel, and the service keeps just its hash.
 */
public record BookingDto(String code, long stopId, String siteName, String address, LocalDate date, LocalTime slotStart,
                         String service, String serviceName, String status, String name, String email, String phone,
                         String calendarUrl) {
}
