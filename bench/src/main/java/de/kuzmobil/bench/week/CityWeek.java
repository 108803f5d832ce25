package de.kuzmobil.bench.week;

import de.kuzmobil.planner.domain.BreakRule;
import de.kuzmobil.planner.domain.Demand;
import de.kuzmobil.planner.domain.OpeningRules;
import de.kuzmobil.planner.domain.OpeningWindow;
import de.kuzmobil.planner.domain.ServiceType;
import de.kuzmobil.planner.domain.Shift;
import de.kuzmobil.planner.domain.Site;
import de.kuzmobil.planner.domain.SiteKind;
import de.kuzmobil.planner.domain.Team;
import de.kuzmobil.planner.problem.WeekProblem;
import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.routing.RoadRouting;
import de.kuzmobil.routing.snap.SnapReport;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A generated but realistic all-Hamburg week for the city-scale benchmark: sites placed on real roads
 * around the service centres and quarter centres of all seven districts (the demo's sourced
 * locations), of the kinds mobile teams serve with their usual opening hours; teams based at the
 * service centres; a week of demand bundled per site and day. Seeded: the same arguments give the
 * same week.
 */
public final class CityWeek {

    public static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    private static final List<DayOfWeek> WORKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    /** Minutes per case as on hamburg.de (the demo's service-types.csv). */
    static final List<ServiceType> SERVICES = List.of(
            new ServiceType("ID_CARD", "Personalausweis beantragen", 15, "biometric"),
            new ServiceType("PASSPORT", "Reisepass beantragen", 15, "biometric"),
            new ServiceType("DOCUMENT_COLLECTION", "Ausweis oder Pass abholen", 5, "registration"),
            new ServiceType("REGISTRATION", "Wohnung ummelden", 7, "registration"),
            new ServiceType("DEREGISTRATION", "Wohnung abmelden", 5, "registration"));

    /** What was generated, for the report. */
    public record Stats(int sites, Map<String, Integer> sitesPerDistrict, int teams, int shifts, int demandRows,
                        int appointments, int snapRetries) {
    }

    public record Generated(WeekProblem problem, Stats stats, Map<String, String> districtBySite) {
    }

    private record Anchor(String name, String district, double latitude, double longitude, boolean serviceCentre) {
    }

    private enum Kind {
        CARE_HOME(SiteKind.CARE_HOME, 15, 35), LIBRARY(SiteKind.LIBRARY, 15, 15), MARKET(SiteKind.MARKET, 20, 10),
        BANK_BRANCH(SiteKind.BANK_BRANCH, 20, 10), COMMUNITY_CENTRE(SiteKind.COMMUNITY_CENTRE, 15, 15),
        HOSPITAL(SiteKind.HOSPITAL, 20, 5), HOME_VISIT(SiteKind.OTHER, 10, 10);

        final SiteKind kind;
        final int setUpMinutes;
        final int weight;

        Kind(SiteKind kind, int setUpMinutes, int weight) {
            this.kind = kind;
            this.setUpMinutes = setUpMinutes;
            this.weight = weight;
        }
    }

    private CityWeek() {
    }

    /**
     * @param sites at least this many sites (each on a road of the main network within ~1.5 km of an anchor)
     * @param teams teams, based at service centres round the districts
     */
    public static Generated generate(RoadRouting roads, long seed, int sites, int teams) {
        Random random = new Random(seed);
        List<Anchor> anchors = anchors();
        Map<String, List<Anchor>> byDistrict = new TreeMap<>();
        anchors.forEach(a -> byDistrict.computeIfAbsent(a.district(), k -> new ArrayList<>()).add(a));

        List<Site> siteList = new ArrayList<>();
        Map<String, String> districtBySite = new LinkedHashMap<>();
        Map<String, Integer> perDistrict = new TreeMap<>();
        List<String> districts = new ArrayList<>(byDistrict.keySet());
        int retries = 0;
        for (int i = 0; i < sites; i++) {
            // round the districts so that every one gets its share, then a random anchor in it
            String district = districts.get(i % districts.size());
            List<Anchor> inDistrict = byDistrict.get(district);
            Anchor anchor = inDistrict.get(random.nextInt(inDistrict.size()));
            Kind kind = pickKind(random);
            Location location = null;
            while (location == null) {
                double r = 1500 * Math.sqrt(random.nextDouble());
                double a = 2 * Math.PI * random.nextDouble();
                double lat = anchor.latitude() + r * Math.cos(a) / 111_320;
                double lon = anchor.longitude() + r * Math.sin(a) / (111_320 * Math.cos(Math.toRadians(lat)));
                SnapReport snap = roads.snap(new Location("probe", lat, lon));
                if (snap.routable() && snap.mainNetwork()) {
                    location = new Location(String.format(Locale.ROOT, "site-%d@%.6f,%.6f", i,
                            snap.snappedLatitude(), snap.snappedLongitude()), snap.snappedLatitude(),
                            snap.snappedLongitude());
                } else {
                    retries++;
                }
            }
            String id = String.valueOf(i + 1);
            siteList.add(new Site(id, kind.name().toLowerCase(Locale.ROOT) + " " + anchor.name() + " " + id,
                    kind.kind, location, kind.setUpMinutes, opening(kind, random)));
            districtBySite.put(id, district);
            perDistrict.merge(district, 1, Integer::sum);
        }

        List<Anchor> centres = anchors.stream().filter(Anchor::serviceCentre).toList();
        Map<String, List<Anchor>> centresByDistrict = new TreeMap<>();
        centres.forEach(c -> centresByDistrict.computeIfAbsent(c.district(), k -> new ArrayList<>()).add(c));
        List<String> teamDistricts = new ArrayList<>(centresByDistrict.keySet());
        List<Team> teamList = new ArrayList<>();
        List<Shift> shifts = new ArrayList<>();
        for (int t = 0; t < teams; t++) {
            List<Anchor> options = centresByDistrict.get(teamDistricts.get(t % teamDistricts.size()));
            Anchor base = options.get((t / teamDistricts.size()) % options.size());
            // one team in four has no biometric kit (registration work only)
            Set<String> skills = t % 4 == 3 ? Set.of("registration") : Set.of("biometric", "registration");
            String id = String.valueOf(t + 1);
            teamList.add(new Team(id, "Team " + id + " (" + base.name() + ")",
                    new Location(String.format(Locale.ROOT, "base-%d@%.6f,%.6f", t, base.latitude(), base.longitude()),
                            base.latitude(), base.longitude()), skills, 40, BreakRule.defaultRule()));
            for (int d = 0; d < 5; d++) {
                LocalTime start = t % 3 == 0 ? LocalTime.of(7, 0) : LocalTime.of(7, 30);
                shifts.add(new Shift(id, MONDAY.plusDays(d), start, start.plusHours(9)));
            }
        }

        List<Demand> demand = new ArrayList<>();
        int appointments = 0;
        for (Site site : siteList) {
            List<Integer> openDays = new ArrayList<>();
            for (int d = 0; d < 5; d++) {
                if (!site.opening().windowsOn(MONDAY.plusDays(d)).isEmpty()) {
                    openDays.add(d);
                }
            }
            // a few days of the week, each its own bundle (demand on one day only, so bundles stay apart);
            // bank branches and markets get a day's worth, which becomes two visits
            java.util.Collections.shuffle(openDays, random);
            boolean bigDay = site.kind() == SiteKind.BANK_BRANCH || site.kind() == SiteKind.MARKET;
            int days = Math.min(openDays.size(), 3 + random.nextInt(3));
            for (int b = 0; b < days; b++) {
                LocalDate date = MONDAY.plusDays(openDays.get(b));
                int priority = 2 + random.nextInt(3);
                int rows = bigDay ? 3 : random.nextInt(10) < 3 ? 2 : 1;
                for (int r = 0; r < rows; r++) {
                    ServiceType service = SERVICES.get(random.nextInt(SERVICES.size()));
                    int count = bigDay ? 4 + random.nextInt(4) : 1 + random.nextInt(3);
                    appointments += count;
                    demand.add(new Demand(site.id() + "-" + b + "-" + r, site.id(), service.id(), count, date, date,
                            priority));
                }
            }
        }
        WeekProblem problem = new WeekProblem(MONDAY, 7, SERVICES, siteList, teamList, shifts, demand, List.of(),
                List.of(), 180);
        return new Generated(problem, new Stats(siteList.size(), perDistrict, teamList.size(), shifts.size(),
                demand.size(), appointments, retries), districtBySite);
    }

    private static Kind pickKind(Random random) {
        int total = 0;
        for (Kind k : Kind.values()) {
            total += k.weight;
        }
        int pick = random.nextInt(total);
        for (Kind k : Kind.values()) {
            pick -= k.weight;
            if (pick < 0) {
                return k;
            }
        }
        throw new IllegalStateException();
    }

    /** Usual hours of each kind of place (sample values, like the demo's sample sites). */
    private static OpeningRules opening(Kind kind, Random random) {
        return switch (kind) {
            case CARE_HOME -> OpeningRules.weekdays(OpeningWindow.of("09:00", "12:00"), OpeningWindow.of("14:00", "16:30"));
            case HOSPITAL, COMMUNITY_CENTRE -> OpeningRules.weekdays(OpeningWindow.of("09:00", "15:00"));
            case HOME_VISIT -> OpeningRules.weekdays(OpeningWindow.of("08:00", "16:00"));
            case LIBRARY -> days(WORKDAYS.subList(1, 5), OpeningWindow.of("10:00", "18:00"));
            case MARKET -> days(List.of(WORKDAYS.get(random.nextInt(3)), WORKDAYS.get(3 + random.nextInt(2))),
                    OpeningWindow.of("08:00", "13:00"));
            case BANK_BRANCH -> days(List.of(WORKDAYS.get(random.nextInt(5))), OpeningWindow.of("09:30", "18:00"));
        };
    }

    private static OpeningRules days(List<DayOfWeek> days, OpeningWindow window) {
        Map<DayOfWeek, List<OpeningWindow>> weekly = new EnumMap<>(DayOfWeek.class);
        days.forEach(d -> weekly.put(d, List.of(window)));
        return new OpeningRules(weekly, List.of(), Set.of());
    }

    /** The demo's sourced locations: service centres and quarter centres with their district. */
    private static List<Anchor> anchors() {
        try (Reader in = new InputStreamReader(CityWeek.class.getResourceAsStream("/demo/locations.csv"),
                StandardCharsets.UTF_8)) {
            List<Anchor> anchors = new ArrayList<>();
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                boolean centre = r.get("kind").equals("service_centre");
                if (r.get("lat").isBlank() || !(centre || r.get("kind").equals("quarter"))
                        || r.get("bezirk").contains("/") || r.get("name").equals("Neuwerk")) {
                    continue;
                }
                anchors.add(new Anchor(r.get("name").replaceAll(" \\(.*", ""), r.get("bezirk"),
                        Double.parseDouble(r.get("lat")), Double.parseDouble(r.get("lon")), centre));
            }
            return anchors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
