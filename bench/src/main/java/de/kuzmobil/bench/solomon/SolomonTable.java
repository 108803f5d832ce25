package de.kuzmobil.bench.solomon;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code bench/run-table-md CSV_FILE...}: the markdown tables of docs/benchmarks.md from the CSV
 * rows of bench/run-table: per objective one row per instance (vehicles, checked distance, gap to
 * the best-known, feasibility, our moves/s), then averages over all instances, over the tuning set
 * ({@link #TUNING}), over the held-out rest, over the unseen ({@link #UNSEEN}) and per family. Averages
 * count only instances that every solver in the table solved (feasible and checked).
 */
public final class SolomonTable {

    /** Instances the solver settings were tuned on; everything else is held out. */
    public static final Set<String> TUNING = Set.of("C101", "R101", "R107", "R205", "RC105", "RC203");
    /**
     * For the hierarchical objective also the instances looked at while the tour elimination and
     * its time share were chosen (and C201, used to choose between the restart loop and the plain solver).
     */
    public static final Set<String> TUNING_HIERARCHICAL = Set.of("C101", "R101", "R107", "R205", "RC105", "RC203",
            "C201", "R103", "R105", "R109", "R111", "R207", "R211", "RC101", "RC103", "RC201", "RC207");

    /** The Solomon instances of vrptw/solomon-unseen, never looked at while tuning. */
    public static final Set<String> UNSEEN = Set.of("C102", "C104", "C106", "C108", "C202", "C204", "C206", "C208",
            "R102", "R104", "R106", "R108", "R110", "R112", "R202", "R204", "R206", "R208", "R210",
            "RC102", "RC104", "RC106", "RC108", "RC202", "RC204", "RC206", "RC208");

    static Set<String> tuning(String objective) {
        return objective.equals("hierarchical") ? TUNING_HIERARCHICAL : TUNING;
    }

    record Row(String instance, String objective, String solver, int vehicles, double distance, boolean feasible,
               String moves, int bksVehicles, double bksDistance, double gap, int extra) {
    }

    public static void main(String[] args) throws Exception {
        System.out.print(markdown(args));
    }

    /** The tables for the given run-table CSV files. */
    static String markdown(String... files) throws java.io.IOException {
        List<Row> rows = new ArrayList<>();
        for (String file : files) {
            List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                rows.add(new Row(f[0], f[1], f[2], parseInt(f[5]), parseDouble(f[6]), f[7].equals("true"), f[8],
                        parseInt(f[9]), parseDouble(f[10]), parseDouble(f[11]), parseInt(f[12])));
            }
        }
        Set<String> objectives = new LinkedHashSet<>();
        rows.forEach(r -> objectives.add(r.objective()));
        StringBuilder out = new StringBuilder();
        for (String objective : objectives) {
            List<Row> mine = rows.stream().filter(r -> r.objective().equals(objective)).toList();
            Set<String> solvers = new LinkedHashSet<>();
            mine.forEach(r -> solvers.add(r.solver()));
            Map<String, Map<String, Row>> byInstance = new LinkedHashMap<>();
            for (Row r : mine) {
                byInstance.computeIfAbsent(r.instance(), k -> new LinkedHashMap<>()).put(r.solver(), r);
            }
            out.append("#### Objective `").append(objective).append("` (best-known: ")
                    .append(objective.equals("distance") ? "distance-only" : "hierarchical").append(" rows)\n\n");
            out.append("| instance | set | best-known |");
            solvers.forEach(s -> out.append(' ').append(s).append(" |"));
            out.append(" our moves/s |\n|---|---|---|");
            solvers.forEach(s -> out.append("---|"));
            out.append("---|\n");
            for (Map.Entry<String, Map<String, Row>> e : byInstance.entrySet()) {
                Row any = e.getValue().values().iterator().next();
                out.append(String.format(Locale.ROOT, "| %s | %s | %d / %.2f |", e.getKey(),
                        set(e.getKey(), objective), any.bksVehicles(), any.bksDistance()));
                for (String s : solvers) {
                    Row r = e.getValue().get(s);
                    out.append(' ').append(r == null ? "–" : cell(r)).append(" |");
                }
                Row ours = e.getValue().get("ours");
                out.append(' ').append(ours == null ? "" : ours.moves()).append(" |\n");
            }
            out.append('\n');
            out.append("| average over | instances |");
            solvers.forEach(s -> out.append(' ').append(s).append(" gap | ").append(s).append(" extra veh. |"));
            out.append(" infeasible (").append(String.join("/", solvers)).append(") |\n|---|---|");
            solvers.forEach(s -> out.append("---|---|"));
            out.append("---|\n");
            for (String set : sets(byInstance.keySet())) {
                List<String> names = byInstance.keySet().stream().filter(n -> inSet(n, set, objective)).toList();
                if (names.isEmpty()) {
                    continue;
                }
                List<String> complete = names.stream().filter(n -> solvers.stream().allMatch(s ->
                        byInstance.get(n).get(s) != null && byInstance.get(n).get(s).feasible())).toList();
                out.append("| ").append(set).append(" | ").append(complete.size());
                if (complete.size() < names.size()) {
                    out.append(" of ").append(names.size());
                }
                out.append(" |");
                for (String s : solvers) {
                    double gap = complete.stream().mapToDouble(n -> byInstance.get(n).get(s).gap()).average().orElse(Double.NaN);
                    double extra = complete.stream().mapToDouble(n -> byInstance.get(n).get(s).extra()).average().orElse(Double.NaN);
                    out.append(String.format(Locale.ROOT, " %+.2f %% | %+.2f |", gap, extra));
                }
                List<String> bad = new ArrayList<>();
                for (String s : solvers) {
                    bad.add(String.valueOf(names.stream().filter(n -> byInstance.get(n).get(s) == null
                            || !byInstance.get(n).get(s).feasible()).count()));
                }
                out.append(' ').append(String.join("/", bad)).append(" |\n");
            }
            out.append('\n');
            if (objective.equals("hierarchical") && solvers.contains("ours")) {
                if (solvers.size() > 1) {
                    sameVehicles(byInstance, solvers, out);
                }
                oursAtBestKnownCount(byInstance, objective, out);
            }
        }
        return out.toString();
    }

    /** tuning, held-out (of the bundled instances, not tuned on) or unseen ({@link #UNSEEN}). */
    static String set(String instance, String objective) {
        return tuning(objective).contains(instance) ? "tuning" : UNSEEN.contains(instance) ? "unseen" : "held-out";
    }

    /** all, tuning, held-out, unseen, then each instance family present (C1 … RC2; Gehring-Homberger by size too). */
    static List<String> sets(Set<String> instances) {
        List<String> sets = new ArrayList<>(List.of("all", "tuning", "held-out", "unseen"));
        instances.stream().map(SolomonTable::family).distinct().sorted().forEach(sets::add);
        return sets;
    }

    static boolean inSet(String instance, String set, String objective) {
        return switch (set) {
            case "all" -> true;
            case "tuning", "held-out", "unseen" -> set(instance, objective).equals(set);
            default -> family(instance).equals(set);
        };
    }

    /** R102 → R1, rc1_2_10 → RC1 200 (Gehring-Homberger: class and customers). */
    static String family(String instance) {
        String[] parts = instance.split("_");
        String type = parts[0].toUpperCase(Locale.ROOT);
        if (parts.length == 3) {
            return type + " " + (Integer.parseInt(parts[1]) * 100);
        }
        return type.substring(0, type.length() - 2);
    }

    /**
     * Where ours used more vehicles than the best-known, and its distance gap where it used the
     * same number: the two faces of "fewest team-days first", per set.
     */
    private static void oursAtBestKnownCount(Map<String, Map<String, Row>> byInstance, String objective,
                                             StringBuilder out) {
        out.append("| ours, set | instances | more vehicles than best-known | at the best-known count: instances |"
                + " mean gap there | largest gap there |\n|---|---|---|---|---|---|\n");
        for (String set : sets(byInstance.keySet())) {
            List<Row> rows = byInstance.entrySet().stream().filter(e -> inSet(e.getKey(), set, objective))
                    .map(e -> e.getValue().get("ours")).filter(r -> r != null && r.feasible()).toList();
            if (rows.isEmpty()) {
                continue;
            }
            List<Row> atCount = rows.stream().filter(r -> r.extra() == 0).toList();
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %+.2f %% | %+.2f %% |%n", set, rows.size(),
                    rows.stream().filter(r -> r.extra() > 0).count(), atCount.size(),
                    atCount.stream().mapToDouble(Row::gap).average().orElse(Double.NaN),
                    atCount.stream().mapToDouble(Row::gap).max().orElse(Double.NaN)));
        }
        out.append('\n');
    }

    /**
     * Ours against each peer: how often one has fewer vehicles, and the distance gaps where both
     * have the same number (a gap bought with an extra vehicle says nothing about routing).
     */
    private static void sameVehicles(Map<String, Map<String, Row>> byInstance, Set<String> solvers,
                                     StringBuilder out) {
        out.append("| ours against | fewer vehicles: ours | fewer: peer | same vehicles | ours gap there | peer gap there |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (String peer : solvers) {
            if (peer.equals("ours")) {
                continue;
            }
            int oursFewer = 0;
            int peerFewer = 0;
            List<Row[]> same = new ArrayList<>();
            for (Map<String, Row> rows : byInstance.values()) {
                Row ours = rows.get("ours");
                Row other = rows.get(peer);
                if (ours == null || other == null || !ours.feasible() || !other.feasible()) {
                    continue;
                }
                if (ours.vehicles() < other.vehicles()) {
                    oursFewer++;
                } else if (other.vehicles() < ours.vehicles()) {
                    peerFewer++;
                } else {
                    same.add(new Row[] {ours, other});
                }
            }
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %+.2f %% | %+.2f %% |%n", peer, oursFewer,
                    peerFewer, same.size(), same.stream().mapToDouble(p -> p[0].gap()).average().orElse(Double.NaN),
                    same.stream().mapToDouble(p -> p[1].gap()).average().orElse(Double.NaN)));
        }
        out.append('\n');
    }

    private static String cell(Row r) {
        if (!r.feasible()) {
            return String.format(Locale.ROOT, "**infeasible** (%d / %.2f)", r.vehicles(), r.distance());
        }
        return String.format(Locale.ROOT, "%d / %.2f (%+.2f %%)", r.vehicles(), r.distance(), r.gap());
    }

    private static int parseInt(String s) {
        return s == null || s.isBlank() ? 0 : Integer.parseInt(s.trim());
    }

    private static double parseDouble(String s) {
        return s == null || s.isBlank() ? Double.NaN : Double.parseDouble(s.trim());
    }
}
