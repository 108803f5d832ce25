package de.kuzmobil.bench.week;

import de.kuzmobil.bench.BenchTuning;
import de.kuzmobil.planner.domain.Objective;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.explain.PlanView;
import de.kuzmobil.planner.problem.WeekPlanFactory;
import de.kuzmobil.planner.solver.SolverSettings;
import de.kuzmobil.planner.solver.WeekPlanSolver;
import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.planner.travel.MatrixRouter;
import de.kuzmobil.planner.travel.TravelMatrix;
import de.kuzmobil.routing.BundledRoads;
import de.kuzmobil.routing.RoadRouting;
import de.kuzmobil.routing.RoutingConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.solver.DefaultSolver;

/**
 * {@code bench/run-week [OSM_FILE] [--sites N] [--teams N] [--seed S] [--budgets 10,30,60] [--cache DIR]}
 * <p>
 * The city-scale week: a generated all-Hamburg week ({@link CityWeek}) on road times of the bundled
 * Hamburg graph (or OSM_FILE), solved as the API solves a plan (least driving, the API's unimproved
 * limit of a third of the budget, legs in whole minutes), once per time budget. One summary line per
 * budget: {@code WEEK budget_s=... first_feasible_s=... hard=... planned_share=... travel_share=...
 * score_calcs_per_s=...}.
 */
public final class WeekBench {

    private WeekBench() {
    }

    public static void main(String[] args) {
        Path out = Path.of(System.getProperty("bench.out", "bench/out"));
        Path cache = out.resolve("graph-cache");
        String osm = null;
        int sites = 230;
        int teams = 20;
        long seed = 1;
        List<Integer> budgets = List.of(10, 30, 60);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sites" -> sites = Integer.parseInt(args[++i]);
                case "--teams" -> teams = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--cache" -> cache = Path.of(args[++i]);
                case "--budgets" -> budgets = java.util.Arrays.stream(args[++i].split(",")).map(Integer::parseInt)
                        .toList();
                default -> {
                    if (args[i].startsWith("--") || osm != null) {
                        throw new IllegalArgumentException("unknown argument " + args[i]);
                    }
                    osm = args[i];
                }
            }
        }
        Path osmFile = osm == null ? BundledRoads.file(cache) : Path.of(osm);
        System.out.printf(Locale.ROOT, "machine: %d cores, java %s, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        long t0 = System.nanoTime();
        try (RoadRouting roads = RoadRouting.open(RoutingConfig.of(osmFile, cache, "car", 300))) {
            System.out.printf(Locale.ROOT, "graph: %s %s in %d ms, %d nodes, %d edges%n", osmFile.getFileName(),
                    roads.graph().imported() ? "imported" : "loaded", millisSince(t0),
                    roads.graph().baseGraph().getNodes(), roads.graph().baseGraph().getEdges());

            long g0 = System.nanoTime();
            CityWeek.Generated week = CityWeek.generate(roads, seed, sites, teams);
            List<Location> locations = WeekPlanFactory.locations(week.problem());
            System.out.printf(Locale.ROOT, "week: seed %d, %s (generated and snapped in %d ms)%n", seed, week.stats(),
                    millisSince(g0));

            long m0 = System.nanoTime();
            TravelMatrix matrix = MatrixRouter.uncached(roads.router()).matrix(locations).inWholeMinutes();
            System.out.printf(Locale.ROOT, "matrix: %d x %d road times in %d ms, %d locations with problems%n",
                    locations.size(), locations.size(), millisSince(m0), matrix.problems().size());

            WeekPlan probe = WeekPlanFactory.build(week.problem(), matrix);
            System.out.printf(Locale.ROOT, "plan: %d visits, %d team-days, %d input problems%n",
                    probe.getVisits().size(), probe.getTeamDays().size() - 1, probe.getInputProblems().size());

            for (int budget : budgets) {
                System.out.println(run(week, matrix, budget, seed));
            }
        }
    }

    static String run(CityWeek.Generated week, TravelMatrix matrix, int budget, long seed) {
        WeekPlan plan = WeekPlanFactory.build(week.problem(), matrix);
        // as SolveJobs does: the budget, and a stop after a third of it without a better plan
        SolverSettings settings = SolverSettings.defaults().withWeights(Objective.LEAST_DRIVING.weights())
                .withSpent(Duration.ofSeconds(budget), Duration.ofSeconds(Math.max(2, budget / 3))).withSeed(seed)
                .withTuning(BenchTuning.fromSystemProperties());
        plan.setWeights(settings.weights());
        DefaultSolver<WeekPlan> solver = (DefaultSolver<WeekPlan>) SolverFactory
                .<WeekPlan>create(WeekPlanSolver.solverConfig(settings, plan)).buildSolver();
        long start = System.nanoTime();
        long[] firstFeasible = {-1};
        List<String> trace = new ArrayList<>();
        solver.addEventListener(event -> {
            HardMediumSoftLongScore score = (HardMediumSoftLongScore) event.getNewBestScore();
            if (firstFeasible[0] < 0 && score.isSolutionInitialized() && score.hardScore() == 0) {
                firstFeasible[0] = millisSince(start);
            }
        });
        WeekPlan best = solver.solve(plan);
        long elapsed = millisSince(start);
        PlanView view = PlanView.of(best);
        long planned = 0;
        long demanded = 0;
        long travel = 0;
        long waiting = 0;
        long working = 0;
        for (PlanView.Tour t : view.tours()) {
            travel += t.travelSeconds();
            waiting += t.waitingSeconds();
            working += Duration.between(t.departure(), t.returnToBase()).toSeconds();
            for (PlanView.Stop s : t.stops()) {
                planned += s.appointments();
            }
        }
        demanded += planned;
        for (PlanView.Unassigned u : view.unassigned()) {
            demanded += u.appointments();
        }
        HardMediumSoftLongScore score = best.getScore();
        return String.format(Locale.ROOT, "WEEK budget_s=%d elapsed_s=%.1f first_feasible_s=%s hard=%d medium=%d"
                        + " visits_planned=%d/%d planned_share=%.3f travel_share=%.3f waiting_share=%.3f"
                        + " team_days=%d score_calcs_per_s=%d", budget, elapsed / 1000.0,
                firstFeasible[0] < 0 ? "none" : String.format(Locale.ROOT, "%.1f", firstFeasible[0] / 1000.0),
                score.hardScore(), score.mediumScore(), best.getVisits().size() - view.unassigned().size(),
                best.getVisits().size(), share(planned, demanded), share(travel, working), share(waiting, working),
                view.tours().size(), solver.getSolverScope().getScoreCalculationSpeed());
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
