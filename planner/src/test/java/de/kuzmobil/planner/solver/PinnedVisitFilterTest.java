package de.kuzmobil.planner.solver;

import de.kuzmobil.planner.domain.Pin;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.problem.WeekPlanFactory;
import de.kuzmobil.planner.testkit.EuclideanTravelTimes;
import de.kuzmobil.planner.testkit.RandomWeek;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.config.heuristic.selector.move.MoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.impl.heuristic.move.Move;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter is really in the way: every move selector proposes moves that would take pinned
 * visits off their tours, the filter rejects them, and no pin moves. (Without the filter the hard
 * constraint "Pinned visit stays on its team-day" also holds pins once a plan is feasible, so
 * this counts rejections instead of comparing with an unfiltered run.)
 */
class PinnedVisitFilterTest {

    /** Rejected moves by move class. */
    static final Map<String, AtomicLong> REJECTED = new ConcurrentHashMap<>();
    static final Map<String, AtomicLong> SEEN = new ConcurrentHashMap<>();

    public static class CountingFilter extends PinnedVisitFilter {
        @Override
        public boolean accept(ScoreDirector<WeekPlan> scoreDirector, Move<WeekPlan> move) {
            boolean accepted = super.accept(scoreDirector, move);
            SEEN.computeIfAbsent(move.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
            if (!accepted) {
                REJECTED.computeIfAbsent(move.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
            }
            return accepted;
        }
    }

    @Test
    void pinnedVisitsProposedElsewhereAreRejectedAndStay() {
        RandomWeek.Instance week = RandomWeek.generate(3, 40, 8, 8, false);
        SolverSettings settings = SolverSettings.defaults().withSeed(3);
        WeekPlan plan = WeekPlanFactory.build(week.problem(), new EuclideanTravelTimes());
        SolverConfig config = WeekPlanSolver.solverConfig(settings, plan)
                .withTerminationConfig(new TerminationConfig().withScoreCalculationCountLimit(100_000L));
        for (LocalSearchPhaseConfig localSearch : config.getPhaseConfigList().stream()
                .filter(LocalSearchPhaseConfig.class::isInstance).map(LocalSearchPhaseConfig.class::cast).toList()) {
            for (MoveSelectorConfig<?> selector
                    : ((UnionMoveSelectorConfig) localSearch.getMoveSelectorConfig()).getMoveSelectorList()) {
                // the annealing runs' copies may share selector configs: the first run's loop set them
                assertThat(selector.getFilterClass()).isIn(PinnedVisitFilter.class, CountingFilter.class);
                selector.setFilterClass(CountingFilter.class);
            }
        }
        REJECTED.clear();

        WeekPlan best = WeekPlanSolver.solveMeasured(plan, settings, config).best();

        System.out.println("[pin filter] rejected " + REJECTED + " of " + SEEN);
        assertThat(REJECTED.keySet()).contains("ListChangeMove", "ListSwapMove", "SubListChangeMove",
                "SubListSwapMove", "TailExchangeMove");
        // Ruin and recreate never picks a pinned visit; the filter sees its moves and lets them pass.
        assertThat(SEEN).containsKey("RebuildToursMove");
        assertThat(REJECTED).doesNotContainKey("RebuildToursMove");
        for (Pin pin : week.problem().pins()) {
            Visit visit = best.getVisits().stream().filter(v -> v.getId().equals(pin.visitId())).findFirst()
                    .orElseThrow();
            assertThat(visit.getTeamDay().getId()).isEqualTo(pin.teamId() + "@" + pin.date());
        }
    }
}
