package de.kuzmobil.planner.solver;

import de.kuzmobil.planner.domain.BreakRule;
import de.kuzmobil.planner.domain.Pin;
import de.kuzmobil.planner.domain.PlannerWeights;
import de.kuzmobil.planner.domain.Site;
import de.kuzmobil.planner.domain.Team;
import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.TourTimeline;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.VisitSchedule;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.explain.PlanView;
import de.kuzmobil.planner.explain.UnassignedReasons;
import de.kuzmobil.planner.problem.WeekPlanFactory;
import de.kuzmobil.planner.problem.WeekProblem;
import de.kuzmobil.planner.testkit.EuclideanTravelTimes;
import de.kuzmobil.planner.testkit.FeasibilityChecker;
import de.kuzmobil.planner.testkit.RandomWeek;
import de.kuzmobil.planner.testkit.SmallWeek;
import de.kuzmobil.planner.testkit.WorkingPlans;
import de.kuzmobil.planner.travel.TravelMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static de.kuzmobil.planner.testkit.Fixtures.BANK_BRANCH;
import static de.kuzmobil.planner.testkit.Fixtures.ID_CARD;
import static de.kuzmobil.planner.testkit.Fixtures.MATRIX;
import static de.kuzmobil.planner.testkit.Fixtures.NEUWERK;
import static de.kuzmobil.planner.testkit.Fixtures.PRISON_SITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Solves seeded random weeks (8 teams, Monday-Friday, with pins) and checks every plan with the
 * independent {@link FeasibilityChecker}. The generated weeks are feasible by construction (see
 * {@link RandomWeek}), so zero hard violations is required, not hoped for.
 */
class WeekPlanSolverTest {

    private static final SolverTuning TUNING = SolverTuning.defaults();

    private static final int TEAMS = 8;

    @ParameterizedTest(name = "{0} sites, seed {1}, {2} s")
    @CsvSource({"40, 11, 3, 4", "120, 22, 5, 8", "290, 33, 8, 12"})
    void randomWeekSolvedFeasibleWithPinsKeptAndReasons(int sites, long seed, int seconds, int pinTarget) {
        RandomWeek.Instance instance = RandomWeek.generate(seed, sites, TEAMS, pinTarget, true);
        TravelMatrix matrix = new EuclideanTravelTimes().matrix(WeekPlanFactory.locations(instance.problem()));
        WeekPlan plan = WeekPlanFactory.build(instance.problem(), matrix);
        assertThat(instance.pinCount()).isGreaterThan(0);
        assertThat(plan.getInputProblems()).as("generated input is all usable").isEmpty();

        WeekPlanSolver.Run run = WeekPlanSolver.solveMeasured(plan, SolverSettings.defaults().withSeed(seed)
                .withSpent(Duration.ofSeconds(seconds), Duration.ofSeconds(seconds / 2)));
        WeekPlan best = run.best();

        FeasibilityChecker.Report report = FeasibilityChecker.check(instance.problem(), matrix, best);
        long assigned = best.getVisits().stream().filter(Visit::isAssigned).count();
        System.out.printf("[week %d sites] %d visits, %d assigned, %d pins, score %s, %d ms, %d score calcs/s%n",
                sites, best.getVisits().size(), assigned, instance.pinCount(), best.getScore(), run.millisSpent(),
                run.scoreCalculationsPerSecond());

        assertThat(best.getScore().getHardScore()).as("solver hard score").isZero();
        assertThat(report.violations()).as("independent checker").isEmpty();
        assertThat(report.timeMismatches()).as("shadow times vs recomputed").isEmpty();
        for (Pin pin : instance.problem().pins()) {
            Visit visit = visit(best, pin.visitId());
            assertThat(visit.getTeamDay().getId()).as("pin " + pin.visitId())
                    .isEqualTo(pin.teamId() + "@" + pin.date());
            if (pin.start() != null) {
                assertThat(visit.getStartTime()).as("pinned start " + pin.visitId()).isEqualTo(pin.start());
            }
        }
        assertThat(assigned).as("the solver plans most of a light week").isGreaterThan(best.getVisits().size() / 3);
        PlanView view = PlanView.of(best);
        assertThat(view.unassigned()).hasSize(best.unassignedTour().getVisits().size());
        assertThat(view.unassigned()).allSatisfy(u -> assertThat(u.reason()).isNotBlank());
        assertThat(UnassignedReasons.of(best)).containsOnlyKeys(
                best.unassignedTour().getVisits().stream().map(Visit::getId).toList());
    }

    /**
     * With lunch breaks every change recomputes the whole tour; without (teams that never take
     * one, as in the benchmark) only from the change until the times agree again: both must leave
     * every stop with the schedule a full recompute gives. The third case also counts team-days
     * (scored per tour, from the tour's list) next to the default work balance.
     */
    @ParameterizedTest
    @CsvSource({"true, 16, 3, false", "false, 40, 1, false", "true, 16, 3, true"})
    void fullAssertFindsNoScoreCorruption(boolean breaks, int sites, int teams, boolean countTeamDays) {
        WeekProblem problem = RandomWeek.generate(7, sites, teams, 3, true).problem();
        if (!breaks) {
            BreakRule none = new BreakRule(LocalTime.of(11, 30), LocalTime.of(14, 0), 24 * 60, 0, 24 * 60, 0);
            problem = new WeekProblem(problem.firstDate(), problem.days(), problem.serviceTypes(), problem.sites(),
                    problem.teams().stream().map(t -> new Team(t.id(), t.name(), t.base(), t.skills(),
                            t.maxAppointmentsPerDay(), none)).toList(),
                    problem.shifts(), problem.demand(), problem.pins(), problem.published(), problem.maxVisitMinutes());
        }
        WeekPlan plan = WeekPlanFactory.build(problem, new EuclideanTravelTimes());

        PlannerWeights weights = countTeamDays
                ? PlannerWeights.defaults().withTeamDayUsed(HardMediumSoftLongScore.ofMedium(1))
                : PlannerWeights.defaults();
        WeekPlan best = WeekPlanSolver.solve(plan, SolverSettings.defaults().withSeed(7).withWeights(weights)
                .withSpent(Duration.ofSeconds(3), null).withEnvironmentMode(EnvironmentMode.FULL_ASSERT));

        assertThat(best.getScore().getHardScore()).isZero();
        int longest = 0;
        for (TeamDay tour : best.getTeamDays()) {
            assertThat(tour.isReal() && tour.breakNeverDue()).isEqualTo(tour.isReal() && !breaks);
            VisitSchedule[] full = TourTimeline.compute(tour);
            for (int i = 0; i < full.length; i++) {
                assertThat(tour.getVisits().get(i).getSchedule()).as(tour.getId() + " #" + i).isEqualTo(full[i]);
            }
            longest = Math.max(longest, tour.isReal() ? full.length : 0);
        }
        assertThat(longest).as("tours long enough for a change to stop short of the end").isGreaterThanOrEqualTo(4);
    }

    @Test
    void sameSeedSameScoreCalculationCountGiveTheSamePlan() {
        RandomWeek.Instance instance = RandomWeek.generate(5, 30, 4, 3, false);
        SolverSettings settings = SolverSettings.defaults().withSeed(42);

        String first = tours(WorkingPlans.solved(instance, settings, 30_000L));
        String second = tours(WorkingPlans.solved(instance, settings, 30_000L));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void solverAsTheApiRunsItReportsEachBestPlan() {
        RandomWeek.Instance instance = RandomWeek.generate(9, 20, 4, 2, false);
        SolverSettings settings = SolverSettings.defaults().withSeed(9).withSpent(Duration.ofSeconds(2), null);
        WeekPlan plan = WeekPlanFactory.build(instance.problem(), new EuclideanTravelTimes());
        Solver<WeekPlan> solver = WeekPlanSolver.solver(plan, settings);
        List<WeekPlan> bests = new ArrayList<>();
        solver.addEventListener(event -> bests.add(event.getNewBestSolution()));

        WeekPlan best = solver.solve(plan);

        assertThat(best.getScore().isSolutionInitialized()).isTrue();
        assertThat(best.getScore().getHardScore()).isZero();
        assertThat(bests).isNotEmpty();
        assertThat(bests.get(bests.size() - 1)).isSameAs(best);
    }

    /** OptaPlanner forgets a terminateEarly() called before solve(); the settings' stop request is kept. */
    @Test
    void aStopAskedForBeforeSolvingBeganEndsTheSolveBeforeItsFirstStep() {
        RandomWeek.Instance instance = RandomWeek.generate(9, 20, 4, 2, false);
        SolverSettings settings = SolverSettings.defaults().withSeed(9).withSpent(Duration.ofMinutes(10), null)
                .withStopRequested(() -> true);
        WeekPlan plan = WeekPlanFactory.build(instance.problem(), new EuclideanTravelTimes());
        Solver<WeekPlan> solver = WeekPlanSolver.solver(plan, settings);
        List<WeekPlan> bests = new ArrayList<>();
        solver.addEventListener(event -> bests.add(event.getNewBestSolution()));
        solver.terminateEarly();

        WeekPlan best = solver.solve(plan);

        assertThat(best.getScore().isSolutionInitialized()).as("stopped before the first plan was built").isFalse();
        assertThat(bests).allSatisfy(each -> assertThat(each.getScore().isSolutionInitialized()).isFalse());
    }

    /**
     * The annealing starts at two nearest drives of the plan's own places, in soft score: one place
     * visited by two sites counts once, a place no road reaches (the island) is left out, the travel
     * weight scales it, hard and medium stay cold. A plan with one place keeps the configured
     * temperature; a tuning variant with another acceptor is left as it is.
     */
    @Test
    void annealsOnThePlansOwnScale() {
        Site first = SmallWeek.careSite("first");
        Site second = SmallWeek.careSite("second"); // same place as the first
        WeekPlan plan = WeekPlanFactory.build(SmallWeek.problem(
                List.of(first, second, BANK_BRANCH, PRISON_SITE, NEUWERK),
                List.of(SmallWeek.monday("a", first, ID_CARD, 2, 1), SmallWeek.monday("b", second, ID_CARD, 2, 1),
                        SmallWeek.monday("c", BANK_BRANCH, ID_CARD, 2, 1),
                        SmallWeek.monday("d", PRISON_SITE, ID_CARD, 2, 1),
                        SmallWeek.monday("e", NEUWERK, ID_CARD, 2, 1)), List.of()), MATRIX);
        // nearest other place (Fixtures.MATRIX): care home 25 min (bank), bank 25 min (care home), prison 35 min (bank)
        double nearest = (25 + 25 + 35) * 60 / 3.0;
        long soft = Math.round(TUNING.temperatureInNearestDrives() * nearest);
        SolverSettings settings = SolverSettings.defaults();

        assertThat(temperature(WeekPlanSolver.solverConfig(settings, plan))).isEqualTo("0hard/0medium/" + soft + "soft");
        assertThat(temperature(WeekPlanSolver.solverConfig(settings.withWeights(PlannerWeights.defaults()
                .withTravelTime(HardMediumSoftLongScore.ofSoft(3))), plan)))
                .isEqualTo("0hard/0medium/" + 3 * soft + "soft");

        WeekPlan onePlace = WeekPlanFactory.build(SmallWeek.problem(List.of(first, second),
                List.of(SmallWeek.monday("a", first, ID_CARD, 2, 1), SmallWeek.monday("b", second, ID_CARD, 2, 1)),
                List.of()), MATRIX);
        assertThat(temperature(WeekPlanSolver.solverConfig(settings, onePlace)))
                .isEqualTo(temperature(WeekPlanSolver.solverConfig(settings)));

        SolverConfig lateAcceptance = WeekPlanSolver.solverConfig(settings);
        localSearches(lateAcceptance).forEach(search ->
                search.setAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(200)));
        WeekPlanSolver.heatFor(lateAcceptance, plan, settings.weights(), settings.tuning());
        assertThat(localSearches(lateAcceptance)).allSatisfy(search -> assertThat(search.getAcceptorConfig())
                .satisfies(a -> assertThat(a.getSimulatedAnnealingStartingTemperature()).isNull())
                .satisfies(a -> assertThat(a.getLateAcceptanceSize()).isEqualTo(200)));
    }

    /**
     * OptaPlanner cools each run from the solve's time gradient too, so a later run would start at
     * 1 - g of its temperature (g: the share of the solve passed at its start). Under "fewest
     * team-days first" each run after the first is given 1 / (1 - g) times the first's, g as
     * planned: the tour elimination until its stall limit, then the runs before it with their
     * limits, each after an elimination run with its part of the elimination's rest. Under least driving every run has the first's (measured worse re-heated).
     */
    @Test
    void laterAnnealingRunsStartAboutAsHotAsTheFirstWhenTeamDaysCountFirst() {
        WeekPlan plan = WeekPlanFactory.build(SmallWeek.problem(List.of(BANK_BRANCH, PRISON_SITE),
                List.of(SmallWeek.monday("a", BANK_BRANCH, ID_CARD, 2, 1),
                        SmallWeek.monday("b", PRISON_SITE, ID_CARD, 2, 1)), List.of()), MATRIX);
        SolverSettings leastDriving = SolverSettings.defaults().withSpent(Duration.ofSeconds(30), null);
        SolverSettings fewestTeamDays = leastDriving.withWeights(PlannerWeights.fewestTeamDaysFirst());
        assertThat(TUNING.annealings()).isGreaterThan(1);

        List<LocalSearchPhaseConfig> runs = localSearches(WeekPlanSolver.solverConfig(fewestTeamDays, plan));
        double total = fewestTeamDays.spent().toMillis();
        double passed = total * TUNING.eliminationShare() * TUNING.eliminationStall();
        assertThat(runs).hasSize(TUNING.annealings());
        for (int k = 1; k < runs.size(); k++) {
            passed += runs.get(k - 1).getTerminationConfig().getSpentLimit().toMillis()
                    + total * TUNING.eliminationShare() * (1 - TUNING.eliminationStall()) / (TUNING.annealings() - 1);
            assertThat(softTemperature(runs.get(k)) * (1 - passed / total))
                    .isCloseTo(softTemperature(runs.get(0)), within(1.0));
            assertThat(softTemperature(runs.get(k))).isGreaterThan(softTemperature(runs.get(k - 1)));
        }

        List<LocalSearchPhaseConfig> driving = localSearches(WeekPlanSolver.solverConfig(leastDriving, plan));
        assertThat(driving).hasSize(TUNING.annealings()).allSatisfy(search ->
                assertThat(softTemperature(search)).isEqualTo(softTemperature(runs.get(0))));
    }

    /** The tuning comes with the settings of each solve, never from the environment; nonsense is refused. */
    @Test
    void tuningIsPassedInPerSolve() {
        SolverSettings fewestTeamDays = SolverSettings.defaults().withSpent(Duration.ofSeconds(20), null)
                .withWeights(PlannerWeights.fewestTeamDaysFirst());
        SolverTuning twoRuns = new SolverTuning(0.5, 0.6, 2, 2);
        List<LocalSearchPhaseConfig> runs = localSearches(WeekPlanSolver.solverConfig(fewestTeamDays.withTuning(twoRuns)));
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).getTerminationConfig().getSpentLimit()).isEqualTo(Duration.ofMillis(5_000));
        assertThat(localSearches(WeekPlanSolver.solverConfig(fewestTeamDays))).hasSize(TUNING.annealings());
        assertThatThrownBy(() -> new SolverTuning(0.3, 0, 2, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eliminationStall");
        assertThatThrownBy(() -> new SolverTuning(0.3, 0.6, 0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SolverTuning(0.3, 0.6, 2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SolverTuning(1, 0.6, 2, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A tuning variant's config is copied, not changed: the benchmark may build several solvers from it. */
    @Test
    void leavesTheGivenConfigAsItWas() {
        SolverConfig variant = SolverConfig.createFromXmlResource(WeekPlanSolver.CONFIG_RESOURCE,
                getClass().getClassLoader());
        int phases = variant.getPhaseConfigList().size();
        var termination = variant.getTerminationConfig();

        SolverConfig built = WeekPlanSolver.solverConfig(SolverSettings.defaults().withSeed(7)
                .withWeights(PlannerWeights.fewestTeamDaysFirst()), variant);

        assertThat(built.getPhaseConfigList()).hasSizeGreaterThan(phases);
        assertThat(built.getRandomSeed()).isEqualTo(7L);
        assertThat(variant.getPhaseConfigList()).hasSize(phases);
        assertThat(variant.getTerminationConfig()).isSameAs(termination);
        assertThat(variant.getRandomSeed()).isNull();
    }

    /**
     * Local search is split into annealing runs of equal length after the construction heuristic
     * (and the tour elimination, which has its share first); the solver's limit ends the last one.
     */
    @Test
    void localSearchRunsAsAnnealingsSharingTheTimeLeft() {
        SolverSettings leastDriving = SolverSettings.defaults().withSpent(Duration.ofSeconds(20), null);
        SolverSettings fewestTeamDays = leastDriving.withWeights(PlannerWeights.fewestTeamDaysFirst());

        List<LocalSearchPhaseConfig> driving = localSearches(WeekPlanSolver.solverConfig(leastDriving));
        List<LocalSearchPhaseConfig> teamDays = localSearches(WeekPlanSolver.solverConfig(fewestTeamDays));

        assertThat(TUNING.annealings()).isEqualTo(3);
        // All runs but the last have an equal share; the last runs to the solve's end (no own limit).
        assertThat(driving).hasSize(TUNING.annealings());
        assertThat(driving.subList(0, driving.size() - 1)).allSatisfy(search ->
                assertThat(search.getTerminationConfig().getSpentLimit())
                        .isEqualTo(Duration.ofMillis(Math.round(20_000.0 / TUNING.annealings()))));
        assertThat(teamDays).hasSize(TUNING.annealings());
        assertThat(teamDays.subList(0, teamDays.size() - 1)).allSatisfy(search ->
                assertThat(search.getTerminationConfig().getSpentLimit()).isEqualTo(Duration.ofMillis(
                        Math.round(20_000 * (1 - TUNING.eliminationShare()) / TUNING.annealings()))));
        assertThat(List.of(driving.get(driving.size() - 1), teamDays.get(teamDays.size() - 1)))
                .allSatisfy(last -> assertThat(last.getTerminationConfig()).isNull());
        assertThat(WeekPlanSolver.solverConfig(fewestTeamDays).getPhaseConfigList().subList(0, 2))
                .extracting(p -> p.getClass().getSimpleName())
                .containsExactly("ConstructionHeuristicPhaseConfig", "CustomPhaseConfig");
    }

    private static List<LocalSearchPhaseConfig> localSearches(SolverConfig config) {
        return config.getPhaseConfigList().stream().filter(LocalSearchPhaseConfig.class::isInstance)
                .map(LocalSearchPhaseConfig.class::cast).toList();
    }

    /** The first annealing run's starting temperature (the later ones get more, see below). */
    private static String temperature(SolverConfig config) {
        return localSearches(config).get(0).getAcceptorConfig().getSimulatedAnnealingStartingTemperature();
    }

    private static long softTemperature(LocalSearchPhaseConfig search) {
        String temperature = search.getAcceptorConfig().getSimulatedAnnealingStartingTemperature();
        assertThat(temperature).startsWith("0hard/0medium/").endsWith("soft");
        return Long.parseLong(temperature.substring("0hard/0medium/".length(), temperature.length() - "soft".length()));
    }

    private static String tours(WeekPlan plan) {
        StringBuilder sb = new StringBuilder(String.valueOf(plan.getScore()));
        for (TeamDay tour : plan.getTeamDays()) {
            sb.append('\n').append(tour.getId()).append(": ").append(tour.getVisits());
        }
        return sb.toString();
    }

    private static Visit visit(WeekPlan plan, String id) {
        return plan.getVisits().stream().filter(v -> v.getId().equals(id)).findFirst().orElseThrow();
    }
}
