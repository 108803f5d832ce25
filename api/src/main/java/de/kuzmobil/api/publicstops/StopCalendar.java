package de.kuzmobil.api.publicstops;

import de.kuzmobil.data.publicstop.PublicStop;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Geo;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Stops as an iCalendar feed (RFC 5545) that subscribed calendars can follow: one event per stop with a
 * stable UID (the stop's id), SEQUENCE and LAST-MODIFIED from the stop (they change when a newer plan
 * moves or cancels it; DTSTAMP is that moment too, so an unchanged stop renders the same), local times
 * with TZID=Europe/Berlin and its VTIMEZONE, German text.
 */
final class StopCalendar {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final VTimeZone BERLIN_TZ =
            TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(BERLIN.getId()).getVTimeZone();

    private StopCalendar() {
    }

    /**
     * @param names   service code → German name
     * @param baseUrl where the public page is, for the booking link in each event
     */
    static String render(String title, List<PublicStop> stops, Map<String, String> names, String baseUrl) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Hamburg Service vor Ort//kuz-mobil mobile Stopps//DE"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", title));
        calendar.add(new XProperty("X-WR-TIMEZONE", BERLIN.getId()));
        calendar.add(BERLIN_TZ);
        for (PublicStop s : stops) {
            calendar.add(event(s, names, baseUrl));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static VEvent event(PublicStop s, Map<String, String> names, String baseUrl) {
        ZonedDateTime start = s.date().atTime(s.start().withSecond(0).withNano(0)).atZone(BERLIN);
        ZonedDateTime end = s.date().atTime(s.end().withSecond(0).withNano(0)).atZone(BERLIN);
        Instant modified = s.lastModified().toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        List<String> services = s.services().stream().map(c -> names.getOrDefault(c, c)).toList();
        String where = s.address() == null || s.address().isBlank() ? s.siteName() : s.siteName() + ", " + s.address();
        VEvent event = new VEvent(false);
        event.add(new Uid("stop-" + s.id() + "@kuz-mobil"));
        event.add(new DtStamp(modified));
        event.add(new DtStart<>(start));
        event.add(new DtEnd<>(end));
        event.add(new Summary("Hamburg Service vor Ort mobil: " + s.siteName()));
        event.add(new Location(where));
        event.add(new Geo(BigDecimal.valueOf(s.latitude()).setScale(6, RoundingMode.HALF_UP),
                BigDecimal.valueOf(s.longitude()).setScale(6, RoundingMode.HALF_UP)));
        event.add(new Description("Mobiler Bürgerservice in " + s.district() + ". Dienstleistungen: "
                + String.join(", ", services) + ". Termin buchen: " + baseUrl + "/?stop=" + s.id()));
        event.add(new Sequence(s.sequence()));
        event.add(new LastModified(modified));
        event.add(s.active() ? ImmutableStatus.VEVENT_CONFIRMED : ImmutableStatus.VEVENT_CANCELLED);
        return event;
    }
}
