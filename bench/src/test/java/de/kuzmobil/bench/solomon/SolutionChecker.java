package de.kuzmobil.bench.solomon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The independent checker: parses the instance file and a solution file itself (no code shared
 * with the solvers), recomputes the distance in double precision and checks feasibility: every
 * customer exactly once, no unknown customer, at most the fleet's vehicles, capacity, service
 * starting by the due time (waiting for the ready time allowed), back at the depot by its due time.
 *
 * <p>{@code java ... SolutionChecker INSTANCE_FILE SOLUTION_FILE} prints one line
 * {@code CHECK instance=.. vehicles=.. distance=.. feasible=.. errors=..}.
 */
public final class SolutionChecker {

    /** Slack for floating-point sums when comparing with a due time. */
    static final double EPS = 1e-6;

    public record Result(String instance, int vehicles, double distance, List<String> errors) {
        public boolean feasible() {
            return errors.isEmpty();
        }

        public String line() {
            return String.format(Locale.ROOT, "CHECK instance=%s vehicles=%d distance=%.4f feasible=%s errors=%d%s",
                    instance, vehicles, distance, feasible(), errors.size(),
                    errors.isEmpty() ? "" : " first=\"" + errors.get(0) + "\"");
        }
    }

    public static void main(String[] args) throws IOException {
        Result r = check(Path.of(args[0]), Path.of(args[1]));
        System.out.println(r.line());
    }

    public static Result check(Path instanceFile, Path solutionFile) throws IOException {
        return check(Files.readString(instanceFile, StandardCharsets.UTF_8),
                Files.readString(solutionFile, StandardCharsets.UTF_8));
    }

    public static Result check(String instanceText, String solutionText) {
        String[] lines = instanceText.split("\\r?\\n");
        String name = null;
        int fleet = -1;
        int capacity = -1;
        Map<Integer, double[]> nodes = new HashMap<>(); // no -> x y demand ready due service
        int depot = -1;
        boolean afterVehicle = false;
        for (String l : lines) {
            String t = l.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (name == null) {
                name = t;
                continue;
            }
            if (t.toUpperCase(Locale.ROOT).startsWith("VEHICLE")) {
                afterVehicle = true;
                continue;
            }
            String[] f = t.split("\\s+");
            if (!Character.isDigit(f[0].charAt(0))) {
                continue;
            }
            if (afterVehicle && fleet < 0) {
                fleet = Integer.parseInt(f[0]);
                capacity = Integer.parseInt(f[1]);
                continue;
            }
            int no = Integer.parseInt(f[0]);
            double[] v = new double[6];
            for (int i = 0; i < 6; i++) {
                v[i] = Double.parseDouble(f[i + 1]);
            }
            if (depot < 0) {
                depot = no;
            }
            nodes.put(no, v);
        }
        List<String> errors = new ArrayList<>();
        List<List<Integer>> routes = new ArrayList<>();
        for (String l : solutionText.split("\\r?\\n")) {
            String t = l.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (!t.startsWith("Route #")) {
                errors.add("not a route line: " + t);
                continue;
            }
            List<Integer> route = new ArrayList<>();
            String body = t.substring(t.indexOf(':') + 1).strip();
            if (!body.isEmpty()) {
                for (String c : body.split("\\s+")) {
                    route.add(Integer.parseInt(c));
                }
            }
            if (route.isEmpty()) {
                errors.add("empty route: " + t);
            }
            routes.add(route);
        }
        double[] d0 = nodes.get(depot);
        Map<Integer, Integer> visits = new HashMap<>();
        double total = 0;
        int used = 0;
        for (int r = 0; r < routes.size(); r++) {
            List<Integer> route = routes.get(r);
            if (route.isEmpty()) {
                continue;
            }
            used++;
            double time = d0[3];
            double load = 0;
            double[] prev = d0;
            for (int c : route) {
                double[] n = nodes.get(c);
                if (n == null || c == depot) {
                    errors.add("route " + (r + 1) + ": unknown customer " + c);
                    continue;
                }
                visits.merge(c, 1, Integer::sum);
                double leg = Math.sqrt((prev[0] - n[0]) * (prev[0] - n[0]) + (prev[1] - n[1]) * (prev[1] - n[1]));
                total += leg;
                time = Math.max(time + leg, n[3]);
                if (time > n[4] + EPS) {
                    errors.add(String.format(Locale.ROOT, "route %d: customer %d starts at %.4f after its due %.1f",
                            r + 1, c, time, n[4]));
                }
                time += n[5];
                load += n[2];
                prev = n;
            }
            double back = Math.sqrt((prev[0] - d0[0]) * (prev[0] - d0[0]) + (prev[1] - d0[1]) * (prev[1] - d0[1]));
            total += back;
            if (time + back > d0[4] + EPS) {
                errors.add(String.format(Locale.ROOT, "route %d: back at the depot at %.4f after %.1f", r + 1,
                        time + back, d0[4]));
            }
            if (load > capacity) {
                errors.add("route " + (r + 1) + ": load " + load + " above capacity " + capacity);
            }
        }
        for (int no : nodes.keySet()) {
            if (no != depot && visits.getOrDefault(no, 0) != 1) {
                errors.add("customer " + no + " served " + visits.getOrDefault(no, 0) + " times");
            }
        }
        if (used > fleet) {
            errors.add(used + " vehicles, fleet has " + fleet);
        }
        return new Result(name, used, total, errors);
    }
}
