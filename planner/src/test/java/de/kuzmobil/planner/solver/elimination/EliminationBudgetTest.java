package de.kuzmobil.planner.solver.elimination;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EliminationBudgetTest {

    @Test
    void theFirstRunMaySpendAllAndTheLaterOnesShareWhatItLeft() {
        EliminationBudget budget = new EliminationBudget(9_000, 3);

        assertThat(budget.startRun(0)).isEqualTo(9_000);
        budget.spent(5_400);
        assertThat(budget.startRun(1)).isEqualTo(1_800);
        budget.spent(200); // over at once: the count was down to its lower bound
        assertThat(budget.startRun(2)).isEqualTo(3_400);
        budget.spent(3_400);

        // the next solve on the same configuration starts afresh
        assertThat(budget.startRun(0)).isEqualTo(9_000);
        budget.spent(9_000);
        assertThat(budget.startRun(1)).isZero();
    }

    @Test
    void aBudgetIsForAtLeastOneRun() {
        assertThatThrownBy(() -> new EliminationBudget(1_000, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
