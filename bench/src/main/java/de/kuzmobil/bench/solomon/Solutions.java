package de.kuzmobil.bench.solomon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The common text form of a VRPTW solution: one line {@code Route #k: c1 c2 ...} per used vehicle,
 * customer numbers as in the instance file, depot left out. Also the distance and a light
 * feasibility evaluation used for the RESULT line (the independent checker is in test scope).
 */
public final class Solutions {

    private Solutions() {
    }

    public static void write(Path file, List<List<Integer>> routes) throws IOException {
        StringBuilder sb = new StringBuilder();
        int k = 1;
        for (List<Integer> route : routes) {
            if (route.isEmpty()) {
                continue;
            }
            sb.append("Route #").append(k++).append(':');
            route.forEach(c -> sb.append(' ').append(c));
            sb.append('\n');
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    public static List<List<Integer>> read(Path file) throws IOException {
        List<List<Integer>> routes = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            line = line.trim();
            if (!line.startsWith("Route")) {
                continue;
            }
            String rest = line.substring(line.indexOf(':') + 1).trim();
            routes.add(rest.isEmpty() ? List.of() : Arrays.stream(rest.split("\\s+")).map(Integer::valueOf).toList());
        }
        return routes;
    }

    /** Total Euclidean distance in double precision, depot to depot. */
    public static double distance(VrptwInstance instance, List<List<Integer>> routes) {
        VrptwInstance.Node[] byNumber = byNumber(instance);
        double total = 0;
        for (List<Integer> route : routes) {
            VrptwInstance.Node prev = instance.depot();
            for (int c : route) {
                total += VrptwInstance.distance(prev, byNumber[c]);
                prev = byNumber[c];
            }
            total += VrptwInstance.distance(prev, instance.depot());
        }
        return total;
    }

    /** Every customer exactly once, capacity, start of service by due, back at the depot by its due. */
    public static boolean feasible(VrptwInstance instance, List<List<Integer>> routes) {
        VrptwInstance.Node[] byNumber = byNumber(instance);
        int[] seen = new int[byNumber.length];
        for (List<Integer> route : routes) {
            VrptwInstance.Node prev = instance.depot();
            double time = instance.depot().ready();
            long load = 0;
            for (int c : route) {
                if (c <= 0 || c >= byNumber.length || byNumber[c] == null) {
                    return false;
                }
                VrptwInstance.Node node = byNumber[c];
                seen[c]++;
                load += node.demand();
                time = Math.max(time + VrptwInstance.distance(prev, node), node.ready());
                if (time > node.due() + 1e-9) {
                    return false;
                }
                time += node.service();
                prev = node;
            }
            if (load > instance.capacity()
                    || time + VrptwInstance.distance(prev, instance.depot()) > instance.depot().due() + 1e-9) {
                return false;
            }
        }
        for (VrptwInstance.Node c : instance.customers()) {
            if (seen[c.number()] != 1) {
                return false;
            }
        }
        return routes.stream().filter(r -> !r.isEmpty()).count() <= instance.vehicles();
    }

    private static VrptwInstance.Node[] byNumber(VrptwInstance instance) {
        int max = instance.customers().stream().mapToInt(VrptwInstance.Node::number).max().orElse(0);
        VrptwInstance.Node[] out = new VrptwInstance.Node[max + 1];
        instance.customers().forEach(c -> out[c.number()] = c);
        return out;
    }

    /** The last line every solver command prints. */
    public static String resultLine(String instance, String objective, List<List<Integer>> routes, double distance,
                                    double seconds, boolean feasible, String extra) {
        long vehicles = routes.stream().filter(r -> !r.isEmpty()).count();
        return String.format(Locale.ROOT, "RESULT instance=%s objective=%s vehicles=%d distance=%.2f seconds=%.1f"
                + " feasible=%s%s", instance, objective, vehicles, distance, seconds, feasible,
                extra == null || extra.isEmpty() ? "" : " " + extra);
    }
}
