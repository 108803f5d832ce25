package de.kuzmobil.api.publicstops;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/**
 * Hamburg's postcodes (PLZ) as search points: the mean of GeoNames' points for each postcode
 * (CC BY 4.0; resources/plz/ATTRIBUTION.md). Good for "near 22179 within 5 km", not a surveyed centroid.
 */
@Component
public class Postcodes {

    private final Map<String, double[]> points = new TreeMap<>();

    public Postcodes() {
        Map<String, double[]> sums = new TreeMap<>();
        try (Reader in = new InputStreamReader(Postcodes.class.getResourceAsStream("/plz/hamburg-postcodes-geonames.csv"),
                StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                double[] s = sums.computeIfAbsent(r.get("zipcode"), k -> new double[3]);
                s[0] += Double.parseDouble(r.get("latitude"));
                s[1] += Double.parseDouble(r.get("longitude"));
                s[2]++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("postcode table", e);
        }
        sums.forEach((plz, s) -> points.put(plz, new double[] {s[0] / s[2], s[1] / s[2]}));
    }

    /** latitude, longitude of a Hamburg postcode. */
    public Optional<double[]> point(String plz) {
        return Optional.ofNullable(points.get(plz)).map(double[]::clone);
    }

    public int size() {
        return points.size();
    }
}
