package de.kuzmobil.bench.solomon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A VRPTW instance in the Solomon text format, which the Gehring-Homberger instances (200-1000
 * customers) share: a name line, {@code VEHICLE / NUMBER CAPACITY / n q}, then {@code CUSTOMER},
 * a header and one row per node {@code no x y demand ready due service}; row 0 is the depot.
 * Windows or Unix line endings, any whitespace.
 *
 * @param nodes depot first, then the customers in file order (their {@code number} as in the file)
 */
public record VrptwInstance(String name, int vehicles, int capacity, List<Node> nodes) {

    public record Node(int number, double x, double y, int demand, double ready, double due, double service) {
    }

    public VrptwInstance {
        nodes = List.copyOf(nodes);
    }

    public Node depot() {
        return nodes.get(0);
    }

    public List<Node> customers() {
        return nodes.subList(1, nodes.size());
    }

    /** Euclidean distance in double precision (no rounding or truncation: the common convention). */
    public static double distance(Node a, Node b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    public static VrptwInstance read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    /** @param fallbackName used when the text has no name line (file name without extension) */
    public static VrptwInstance parse(String text, String fallbackName) {
        String[] lines = text.split("\\r?\\n|\\r");
        String name = null;
        int vehicles = -1;
        int capacity = -1;
        List<Node> nodes = new ArrayList<>();
        boolean vehicleSection = false;
        for (String raw : lines) {
            String line = raw.trim();
            if (line.isEmpty()) {
                continue;
            }
            if (name == null) {
                name = line;
                continue;
            }
            String[] f = line.split("\\s+");
            if (line.equalsIgnoreCase("VEHICLE")) {
                vehicleSection = true;
                continue;
            }
            if (!isNumber(f[0])) {
                continue;
            }
            if (vehicleSection && vehicles < 0) {
                vehicles = Integer.parseInt(f[0]);
                capacity = Integer.parseInt(f[1]);
                vehicleSection = false;
                continue;
            }
            if (f.length < 7) {
                throw new IllegalArgumentException("bad node row: " + line);
            }
            nodes.add(new Node(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    (int) Math.round(Double.parseDouble(f[3])), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                    Double.parseDouble(f[6])));
        }
        if (vehicles < 0 || nodes.size() < 2) {
            throw new IllegalArgumentException("not a Solomon/Gehring-Homberger instance: " + fallbackName);
        }
        if (name == null || isNumber(name.split("\\s+")[0])) {
            name = fallbackName.replaceFirst("\\.[^.]*$", "");
        }
        return new VrptwInstance(name, vehicles, capacity, nodes);
    }

    private static boolean isNumber(String s) {
        return s.matches("-?\\d+(\\.\\d+)?");
    }
}
