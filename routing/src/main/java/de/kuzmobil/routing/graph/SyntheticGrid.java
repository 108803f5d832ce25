package de.kuzmobil.routing.graph;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a synthetic road network as real OSM XML, imported by the same code as real extracts, to
 * measure how import and matrix cost grow with graph size. A jittered grid (no exact ties between
 * paths) whose lines form a hierarchy, as a city's roads do: every 16th line a trunk road at
 * 120 km/h, every 4th a secondary road at 60, the rest residential at 30 with some one-way streets,
 * so contraction hierarchies find real shortcuts. Optionally a separate small grid some kilometres
 * away: an island with roads but no road to the mainland.
 *
 * @param rows          grid lines east-west (nodes per column)
 * @param cols          grid lines north-south
 * @param spacingMeters distance between neighbouring junctions
 * @param islandSide    junctions per side of the island grid, 0 for none
 */
public record SyntheticGrid(int rows, int cols, double spacingMeters, int islandSide, long seed) {

    public static final double ORIGIN_LAT = 53.40;
    public static final double ORIGIN_LON = 9.70;
    private static final double METERS_PER_DEG_LAT = 111_320;

    public SyntheticGrid {
        if (rows < 2 || cols < 2 || islandSide == 1 || islandSide < 0 || !(spacingMeters > 0)) {
            throw new IllegalArgumentException("grid needs at least 2x2 nodes and a positive spacing");
        }
    }

    /** A square grid of about {@code nodes} junctions, 120 m apart. */
    public static SyntheticGrid ofAbout(int nodes, long seed) {
        int side = (int) Math.ceil(Math.sqrt(nodes));
        return new SyntheticGrid(side, side, 120, 0, seed);
    }

    public SyntheticGrid withIsland(int side) {
        return new SyntheticGrid(rows, cols, spacingMeters, side, seed);
    }

    public int nodes() {
        return rows * cols + islandSide * islandSide;
    }

    /** Centre of the mainland grid, [lat, lon]. */
    public double[] mainlandCentre() {
        return new double[]{lat(rows / 2.0), lon(cols / 2.0)};
    }

    /** Centre of the island, [lat, lon]; it lies 3 km east of the mainland grid. */
    public double[] islandCentre() {
        return new double[]{lat(islandSide / 2.0), lon(cols + islandOffsetColumns() + islandSide / 2.0)};
    }

    /** [minLat, minLon, maxLat, maxLon] of the mainland grid. */
    public double[] mainlandBounds() {
        return new double[]{lat(0), lon(0), lat(rows - 1), lon(cols - 1)};
    }

    public Path writeTo(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
                write(out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write synthetic grid to " + file, e);
        }
    }

    private void write(Writer out) throws IOException {
        Random random = new Random(seed);
        out.write("<?xml version='1.0' encoding='UTF-8'?>\n");
        out.write("<osm version=\"0.6\" generator=\"kuz-mobil SyntheticGrid\">\n");
        long[] nextWay = {1};
        long mainland = 1;
        long island = mainland + (long) rows * cols;
        // OSM files list all nodes before the ways (GraphHopper's reader insists).
        writeNodes(out, random, mainland, rows, cols, 0);
        if (islandSide > 0) {
            writeNodes(out, random, island, islandSide, islandSide, cols + islandOffsetColumns());
        }
        writeWays(out, random, mainland, rows, cols, nextWay);
        if (islandSide > 0) {
            writeWays(out, random, island, islandSide, islandSide, nextWay);
        }
        out.write("</osm>\n");
    }

    private int islandOffsetColumns() {
        return (int) Math.ceil(3000 / spacingMeters);
    }

    private void writeNodes(Writer out, Random random, long firstId, int r, int c, int colOffset) throws IOException {
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double jitterLat = (random.nextDouble() - 0.5) * 0.3;
                double jitterLon = (random.nextDouble() - 0.5) * 0.3;
                out.write(String.format(Locale.ROOT, "  <node id=\"%d\" version=\"1\" lat=\"%.7f\" lon=\"%.7f\"/>\n",
                        firstId + (long) i * c + j, lat(i + jitterLat), lon(colOffset + j + jitterLon)));
            }
        }
    }

    private void writeWays(Writer out, Random random, long firstId, int r, int c, long[] nextWay) throws IOException {
        for (int i = 0; i < r; i++) {
            long[] refs = new long[c];
            for (int j = 0; j < c; j++) {
                refs[j] = firstId + (long) i * c + j;
            }
            writeWay(out, random, nextWay[0]++, refs, i);
        }
        for (int j = 0; j < c; j++) {
            long[] refs = new long[r];
            for (int i = 0; i < r; i++) {
                refs[i] = firstId + (long) i * c + j;
            }
            writeWay(out, random, nextWay[0]++, refs, j);
        }
    }

    private void writeWay(Writer out, Random random, long id, long[] refs, int line) throws IOException {
        String highway;
        int maxspeed;
        boolean oneway = false;
        if (line % 16 == 0) {
            highway = "trunk";
            maxspeed = 120;
        } else if (line % 4 == 0) {
            highway = "secondary";
            maxspeed = 60;
        } else {
            highway = "residential";
            maxspeed = random.nextInt(4) == 0 ? 50 : 30;
            oneway = line % 7 == 3;
        }
        out.write("  <way id=\"" + id + "\" version=\"1\">\n");
        boolean reverse = oneway && line % 2 == 0;
        for (int k = 0; k < refs.length; k++) {
            out.write("    <nd ref=\"" + refs[reverse ? refs.length - 1 - k : k] + "\"/>\n");
        }
        out.write("    <tag k=\"highway\" v=\"" + highway + "\"/>\n");
        out.write("    <tag k=\"maxspeed\" v=\"" + maxspeed + "\"/>\n");
        out.write("    <tag k=\"name\" v=\"" + highway + " " + line + "\"/>\n");
        if (oneway) {
            out.write("    <tag k=\"oneway\" v=\"yes\"/>\n");
        }
        out.write("  </way>\n");
    }

    private double lat(double row) {
        return ORIGIN_LAT + row * spacingMeters / METERS_PER_DEG_LAT;
    }

    private double lon(double col) {
        return ORIGIN_LON + col * spacingMeters / (METERS_PER_DEG_LAT * Math.cos(Math.toRadians(ORIGIN_LAT)));
    }
}
