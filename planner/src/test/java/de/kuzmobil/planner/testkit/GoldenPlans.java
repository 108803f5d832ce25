package de.kuzmobil.planner.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Plans frozen in files: a golden test solves fixed problems with fixed seeds and a fixed step count
 * (the same on any machine) and compares score and tours with what its file under
 * {@code src/test/resources/golden/} says. A refactoring of the planner must keep them identical;
 * a change meant to alter plans records them again with {@code -Dgolden.record=true} (and says why).
 */
public final class GoldenPlans {

    private GoldenPlans() {
    }

    /** Score, then each used tour (team, day: visits in order), then the unassigned visits. */
    public static String describe(WeekPlan plan) {
        StringBuilder text = new StringBuilder("score ").append(plan.getScore()).append('\n');
        for (TeamDay tour : plan.getTeamDays()) {
            if (tour.isReal() && !tour.getVisits().isEmpty()) {
                text.append(tour.getId()).append(": ").append(ids(tour.getVisits())).append('\n');
            }
        }
        text.append("unassigned: ").append(ids(plan.unassignedTour().getVisits().stream().sorted(
                java.util.Comparator.comparing(Visit::getId)).toList())).append('\n');
        return text.toString();
    }

    private static String ids(List<Visit> visits) {
        return visits.stream().map(Visit::getId).collect(Collectors.joining(" "));
    }

    /** Compares with (or, with -Dgolden.record=true, writes) {@code src/test/resources/golden/<name>.txt}. */
    public static void check(String name, String actual) {
        Path file = Path.of("src", "test", "resources", "golden", name + ".txt");
        try {
            if (Boolean.getBoolean("golden.record")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertThat(file).as("golden file %s (record it with -Dgolden.record=true)", file).exists();
            assertThat(actual).as("plans differ from %s", file)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
