package de.kuzmobil.bench.peers;

import com.google.ortools.Loader;
import com.google.ortools.constraintsolver.Assignment;
import com.google.ortools.constraintsolver.FirstSolutionStrategy;
import com.google.ortools.constraintsolver.LocalSearchMetaheuristic;
import com.google.ortools.constraintsolver.RoutingDimension;
import com.google.ortools.constraintsolver.RoutingIndexManager;
import com.google.ortools.constraintsolver.RoutingModel;
import com.google.ortools.constraintsolver.RoutingSearchParameters;
import com.google.ortools.constraintsolver.main;
import com.google.protobuf.Duration;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * OR-Tools peer: {@code OrToolsPeer INSTANCE_FILE SECONDS SOLUTION_FILE [distance|hierarchical]}.
 * Routing solver with a time dimension (windows on the start of service, waiting allowed), a
 * capacity dimension, PARALLEL_CHEAPEST_INSERTION first solution (PATH_CHEAPEST_ARC finds nothing
 * for R101 in 30 s) and guided local search. Integer arcs: distances × 100; the cost arc is rounded,
 * the time arc rounded UP (plus the service time × 100) so a solution feasible in its integers is
 * feasible in exact arithmetic. {@code hierarchical}: fixed cost 10,000 per vehicle. The reported
 * distance is recomputed in double precision. Runs in its own JVM: OR-Tools' protobuf clashes with
 * GraphHopper's. Own minimal reader on purpose (this project shares no code with the reactor).
 */
public final class OrToolsPeer {

    static final long SCALE = 100;
    static final long VEHICLE_COST = 10_000;

    record Node(int number, double x, double y, int demand, double ready, double due, double service) {
    }

    public static void main(String[] args) throws Exception {
        long t0 = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        Path file = Path.of(args[0]);
        double budget = Double.parseDouble(args[1]);
        Path solutionFile = Path.of(args[2]);
        String objective = args.length > 3 ? args[3] : "distance";

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String name = null;
        int vehicles = -1;
        int capacity = -1;
        boolean vehicleSection = false;
        List<Node> nodes = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.trim();
            if (line.isEmpty()) {
                continue;
            }
            if (name == null) {
                name = line;
                continue;
            }
            if (line.equalsIgnoreCase("VEHICLE")) {
                vehicleSection = true;
                continue;
            }
            String[] f = line.split("\\s+");
            if (!f[0].matches("\\d+")) {
                continue;
            }
            if (vehicleSection && vehicles < 0) {
                vehicles = Integer.parseInt(f[0]);
                capacity = Integer.parseInt(f[1]);
                continue;
            }
            nodes.add(new Node(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    (int) Math.round(Double.parseDouble(f[3])), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                    Double.parseDouble(f[6])));
        }

        Loader.loadNativeLibraries();
        int n = nodes.size();
        long[][] cost = new long[n][n];
        long[][] time = new long[n][n];
        double[][] dist = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = Math.hypot(nodes.get(i).x() - nodes.get(j).x(), nodes.get(i).y() - nodes.get(j).y());
                dist[i][j] = d;
                cost[i][j] = Math.round(d * SCALE);
                time[i][j] = (long) Math.ceil(d * SCALE) + Math.round(nodes.get(i).service() * SCALE);
            }
        }
        RoutingIndexManager manager = new RoutingIndexManager(n, vehicles, 0);
        RoutingModel routing = new RoutingModel(manager);
        int costCb = routing.registerTransitCallback((long a, long b) ->
                cost[manager.indexToNode(a)][manager.indexToNode(b)]);
        routing.setArcCostEvaluatorOfAllVehicles(costCb);
        int timeCb = routing.registerTransitCallback((long a, long b) ->
                time[manager.indexToNode(a)][manager.indexToNode(b)]);
        long horizon = (long) Math.floor(nodes.get(0).due() * SCALE);
        routing.addDimension(timeCb, horizon, horizon, false, "Time");
        RoutingDimension timeDim = routing.getMutableDimension("Time");
        for (int i = 1; i < n; i++) {
            long index = manager.nodeToIndex(i);
            timeDim.cumulVar(index).setRange((long) Math.ceil(nodes.get(i).ready() * SCALE),
                    (long) Math.floor(nodes.get(i).due() * SCALE));
        }
        for (int v = 0; v < vehicles; v++) {
            timeDim.cumulVar(routing.start(v)).setRange((long) Math.ceil(nodes.get(0).ready() * SCALE), horizon);
            timeDim.cumulVar(routing.end(v)).setRange((long) Math.ceil(nodes.get(0).ready() * SCALE), horizon);
        }
        int demandCb = routing.registerUnaryTransitCallback((long a) -> nodes.get(manager.indexToNode(a)).demand());
        long[] caps = new long[vehicles];
        java.util.Arrays.fill(caps, capacity);
        routing.addDimensionWithVehicleCapacity(demandCb, 0, caps, true, "Capacity");
        if (objective.equals("hierarchical")) {
            routing.setFixedCostOfAllVehicles(VEHICLE_COST * SCALE);
        }
        long leftMs = Math.round(budget * 1000) - (System.currentTimeMillis() - t0) - 400;
        leftMs = Math.max(leftMs, 200);
        RoutingSearchParameters params = main.defaultRoutingSearchParameters().toBuilder()
                .setFirstSolutionStrategy(FirstSolutionStrategy.Value.PARALLEL_CHEAPEST_INSERTION)
                .setLocalSearchMetaheuristic(LocalSearchMetaheuristic.Value.GUIDED_LOCAL_SEARCH)
                .setTimeLimit(Duration.newBuilder().setSeconds(leftMs / 1000).setNanos((int) (leftMs % 1000) * 1_000_000))
                .build();
        Assignment solution = routing.solveWithParameters(params);
        List<List<Integer>> routes = new ArrayList<>();
        if (solution != null) {
            for (int v = 0; v < vehicles; v++) {
                List<Integer> route = new ArrayList<>();
                long index = solution.value(routing.nextVar(routing.start(v)));
                while (!routing.isEnd(index)) {
                    route.add(nodes.get(manager.indexToNode(index)).number());
                    index = solution.value(routing.nextVar(index));
                }
                if (!route.isEmpty()) {
                    routes.add(route);
                }
            }
        } else {
            System.out.println("OR-Tools found no solution, status " + routing.status());
        }
        StringBuilder sb = new StringBuilder();
        int k = 1;
        double total = 0;
        int[] seen = new int[n];
        for (List<Integer> route : routes) {
            sb.append("Route #").append(k++).append(':');
            route.forEach(c -> sb.append(' ').append(c));
            sb.append('\n');
        }
        // distance in double precision (node numbers equal row indices in these files, checked here)
        for (List<Integer> route : routes) {
            int prev = 0;
            for (int c : route) {
                int idx = indexOf(nodes, c);
                total += dist[prev][idx];
                seen[idx]++;
                prev = idx;
            }
            total += dist[prev][0];
        }
        boolean allOnce = true;
        for (int i = 1; i < n; i++) {
            allOnce &= seen[i] == 1;
        }
        Path parent = solutionFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(solutionFile, sb.toString(), StandardCharsets.UTF_8);
        double elapsed = (System.currentTimeMillis() - t0) / 1000.0;
        System.out.println(String.format(Locale.ROOT,
                "RESULT instance=%s objective=%s vehicles=%d distance=%.2f seconds=%.1f feasible=%s solver=ortools-9.14",
                name, objective, routes.size(), total, elapsed, solution != null && allOnce));
    }

    private static int indexOf(List<Node> nodes, int number) {
        if (number < nodes.size() && nodes.get(number).number() == number) {
            return number;
        }
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).number() == number) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown customer " + number);
    }
}
