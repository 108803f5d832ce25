package de.kuzmobil.api.publicstops;

import de.kuzmobil.data.plan.PublicStopRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Geo;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Stops as an iCalendar feed (RFC 5545). The UID is site + date (+ n for a second stop that day), so
 * a re-published plan updates the subscriber's events instead of duplicating them.
 */
final class StopCalendar {

    private StopCalendar() {
    }

    static String render(List<PublicStopRecord> stops) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//kuz-mobil//Mobile Bürgerservice-Stopps//DE"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        Map<String, Integer> perSiteDay = new HashMap<>();
        Instant stamp = Instant.now();
        for (PublicStopRecord s : stops) {
            Instant start = s.date().atTime(s.start()).atZone(StopQuery.BERLIN).toInstant();
            Instant end = s.date().atTime(s.end()).atZone(StopQuery.BERLIN).toInstant();
            String key = s.siteId() + "-" + s.date();
            int n = perSiteDay.merge(key, 1, Integer::sum);
            VEvent event = new VEvent(start, end, "Mobiler Bürgerservice: " + s.siteName());
            event.add(new Uid("stop-" + key + (n > 1 ? "-" + n : "") + "@kuz-mobil"));
            event.add(new DtStamp(stamp));
            event.add(new Location(s.address() == null ? s.siteName() : s.siteName() + ", " + s.address()));
            event.add(new Description("Services: " + String.join(", ", s.services())));
            event.add(new Geo(BigDecimal.valueOf(s.latitude()), BigDecimal.valueOf(s.longitude())));
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
