package de.kuzmobil.data.demo;

import de.kuzmobil.data.demand.DemandRecord;
import de.kuzmobil.data.demand.DemandRepository;
import de.kuzmobil.data.servicetype.ServiceTypeRecord;
import de.kuzmobil.data.servicetype.ServiceTypeRepository;
import de.kuzmobil.data.site.OpeningRulesText;
import de.kuzmobil.data.site.SiteRecord;
import de.kuzmobil.data.site.SiteRepository;
import de.kuzmobil.data.team.Shift;
import de.kuzmobil.data.team.TeamRecord;
import de.kuzmobil.data.team.TeamRepository;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the Hamburg demo data (real part-time sites and opening rules, sample care homes, teams and
 * a sample week of demand) exactly once per database, in one transaction.
 */
public class DemoDataLoader {

    public static final String LOAD_NAME = "hamburg-demo-v1";
    /** Shifts are created for these weeks so that any plan in the demo period has working teams. */
    static final LocalDate SHIFTS_FROM = LocalDate.of(2026, 11, 30);
    static final LocalDate SHIFTS_TO = LocalDate.of(2027, 2, 26);

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public DemoDataLoader(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** @return true when the data was loaded now, false when it was already there. */
    public boolean loadIfAbsent() {
        Boolean loaded = tx.execute(status -> {
            // the marker row doubles as a lock: a second concurrent loader waits here, then sees it
            int inserted = jdbc.sql("insert into data_load (name) values (?) on conflict do nothing")
                    .param(LOAD_NAME).update();
            if (inserted == 0) {
                return false;
            }
            load();
            return true;
        });
        if (Boolean.TRUE.equals(loaded)) {
            log.info("Demo data '{}' loaded: {} sites, {} teams, {} demand rows (sample demand)", LOAD_NAME,
                    count("site"), count("team"), count("demand"));
        } else {
            log.info("Demo data '{}' already present; nothing loaded", LOAD_NAME);
        }
        return Boolean.TRUE.equals(loaded);
    }

    private void load() {
        Map<String, CSVRecord> locations = new HashMap<>();
        for (CSVRecord r : csv("locations.csv")) {
            locations.putIfAbsent(r.get("name"), r); // service centres come first, quarters share names
        }
        ServiceTypeRepository serviceTypes = new ServiceTypeRepository(jdbc);
        for (CSVRecord r : csv("service-types.csv")) {
            serviceTypes.save(new ServiceTypeRecord(r.get("code"), r.get("name"), Integer.parseInt(r.get("minutes")),
                    r.get("skill")));
        }
        SiteRepository sites = new SiteRepository(jdbc);
        Map<String, Long> siteIds = new HashMap<>();
        for (CSVRecord r : csv("sites.csv")) {
            CSVRecord loc = locations.get(r.get("location"));
            if (loc == null) {
                throw new IllegalStateException("sites.csv names an unknown location: " + r.get("location"));
            }
            if (loc.get("lat").isBlank() || loc.get("lon").isBlank()) {
                log.info("Demo site '{}' left out: no sourced coordinates", r.get("name"));
                continue;
            }
            OpeningRulesText.Parsed opening = OpeningRulesText.parse(r.get("opening"));
            SiteRecord saved = sites.save(new SiteRecord(null, r.get("name"), r.get("kind"), loc.get("bezirk"),
                    loc.get("address").isBlank() ? null : loc.get("address"),
                    Double.parseDouble(loc.get("lat")), Double.parseDouble(loc.get("lon")),
                    Integer.parseInt(r.get("setup_minutes")), opening.weekly(), opening.monthly(),
                    loc.get("coord_precision") + ": " + loc.get("coord_source"), r.get("note"), r.get("visibility")));
            siteIds.put(saved.name(), saved.id());
        }
        TeamRepository teams = new TeamRepository(jdbc);
        for (CSVRecord r : csv("teams.csv")) {
            CSVRecord base = locations.get(r.get("base"));
            teams.save(new TeamRecord(null, r.get("name"), r.get("base"), base.get("address"),
                    Double.parseDouble(base.get("lat")), Double.parseDouble(base.get("lon")),
                    Integer.parseInt(r.get("max_appointments_per_day")), 30, 45, LocalTime.of(11, 30),
                    LocalTime.of(14, 0), Set.of(r.get("skills").split(" ")), shifts(r.get("shift"))));
        }
        DemandRepository demand = new DemandRepository(jdbc);
        for (CSVRecord r : csv("demand.csv")) {
            Long siteId = siteIds.get(r.get("site"));
            if (siteId == null) {
                log.info("Sample demand for '{}' left out: site not loaded", r.get("site"));
                continue;
            }
            demand.save(new DemandRecord(null, siteId, r.get("service_type"), Integer.parseInt(r.get("appointments")),
                    LocalDate.parse(r.get("earliest_date")), LocalDate.parse(r.get("latest_date")),
                    Integer.parseInt(r.get("priority")), r.get("note")));
        }
    }

    private static List<Shift> shifts(String rule) {
        // same notation as opening rules; only weekly windows make sense for a shift
        OpeningRulesText.Parsed parsed = OpeningRulesText.parse(rule);
        List<Shift> shifts = new ArrayList<>();
        for (LocalDate d = SHIFTS_FROM; !d.isAfter(SHIFTS_TO); d = d.plusDays(1)) {
            DayOfWeek day = d.getDayOfWeek();
            for (var w : parsed.weekly()) {
                if (w.weekday() == day) {
                    shifts.add(new Shift(d, w.start(), w.end()));
                }
            }
        }
        return shifts;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static List<CSVRecord> csv(String name) {
        try (Reader in = new InputStreamReader(
                DemoDataLoader.class.getResourceAsStream("/demo/" + name), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("demo file " + name, e);
        }
    }
}
