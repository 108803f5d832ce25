package de.kuzmobil.bench.solomon;

import de.kuzmobil.bench.peers.JspritPeer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reader, mapping onto the planner model, the solver command's solution and the jsprit peer, each
 * verified by the independent {@link SolutionChecker}. Short budgets (the machine is shared): this
 * checks correctness, the benchmark tables measure quality.
 */
class SolomonBenchTest {

    static String resource(String name) throws IOException {
        return resource("solomon", name);
    }

    static String resource(String folder, String name) throws IOException {
        try (InputStream in = SolomonBenchTest.class.getResourceAsStream("/vrptw/" + folder + "/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The bundled Gehring-Homberger files were copied as text (vrptw/README.md), so each is checked
     * against what the source's BKS.json says of it: customers, fleet, capacity, total demand.
     */
    @Test
    void readsTheBundledGehringHombergerInstances() throws IOException {
        record Expected(String name, int customers, int vehicles, int capacity, int totalDemand) {
        }
        for (Expected e : List.of(new Expected("c1_2_10", 200, 50, 200, 3530),
                new Expected("c2_2_10", 200, 50, 700, 3770), new Expected("r2_2_10", 200, 50, 1000, 3513),
                new Expected("rc1_2_10", 200, 50, 200, 3558), new Expected("rc2_2_10", 200, 50, 1000, 3558),
                new Expected("c1_4_10", 400, 100, 200, 7190), new Expected("r2_4_10", 400, 100, 1000, 7109),
                new Expected("c1_10_1", 1000, 250, 200, 17940), new Expected("r1_10_1", 1000, 250, 200, 18118))) {
            VrptwInstance instance = VrptwInstance.parse(resource("homberger", e.name() + ".txt"), e.name() + ".txt");
            assertThat(instance.name()).isEqualTo(e.name());
            assertThat(instance.customers()).as(e.name()).hasSize(e.customers());
            assertThat(instance.vehicles()).as(e.name()).isEqualTo(e.vehicles());
            assertThat(instance.capacity()).as(e.name()).isEqualTo(e.capacity());
            assertThat(instance.customers().stream().mapToInt(VrptwInstance.Node::demand).sum())
                    .as(e.name()).isEqualTo(e.totalDemand());
        }
    }

    /**
     * The 27 Solomon instances of solomon-unseen came as text from another copy (vrptw/README.md):
     * each must have its series' places, demands and service times customer by customer (a
     * series shares them; only the windows differ), and the fleet and capacity of its class.
     */
    @Test
    void readsTheUnseenSolomonInstancesWithTheirSeriesCustomers() throws IOException {
        assertThat(SolomonTable.UNSEEN).hasSize(27);
        for (String name : SolomonTable.UNSEEN) {
            VrptwInstance instance = VrptwInstance.parse(resource("solomon-unseen", name + ".txt"), name + ".txt");
            String series = name.substring(0, name.length() - 2) + "01";
            VrptwInstance first = VrptwInstance.parse(resource(series + ".txt"), series + ".txt");
            assertThat(instance.name()).isEqualTo(name);
            assertThat(instance.vehicles()).as(name).isEqualTo(25);
            assertThat(instance.capacity()).as(name).isEqualTo(first.capacity());
            assertThat(instance.depot()).as(name).isEqualTo(first.depot());
            assertThat(instance.customers()).as(name).hasSize(100);
            for (int i = 0; i < 100; i++) {
                VrptwInstance.Node mine = instance.customers().get(i);
                VrptwInstance.Node theirs = first.customers().get(i);
                assertThat(List.of(mine.number(), mine.x(), mine.y(), mine.demand(), mine.service())).as(name + " " + i)
                        .isEqualTo(List.of(theirs.number(), theirs.x(), theirs.y(), theirs.demand(), theirs.service()));
                assertThat(mine.ready()).as(name + " " + i).isLessThanOrEqualTo(mine.due());
            }
        }
    }

    @Test
    void readsSolomonFormatWithWindowsLineEndings() throws IOException {
        VrptwInstance r101 = VrptwInstance.parse(resource("R101.txt"), "R101.txt");
        assertThat(r101.name()).isEqualTo("R101");
        assertThat(r101.vehicles()).isEqualTo(25);
        assertThat(r101.capacity()).isEqualTo(200);
        assertThat(r101.nodes()).hasSize(101);
        assertThat(r101.depot().due()).isEqualTo(230);
        assertThat(r101.customers().get(0)).isEqualTo(new VrptwInstance.Node(1, 41, 49, 10, 161, 171, 10));
    }

    @Test
    void mappingScalesTimeIntoOneDayInWholeMinutesOfService() throws IOException {
        assertThat(PlannerMapping.secondsPerUnit(230)).isEqualTo(372);
        assertThat(PlannerMapping.secondsPerUnit(3390)).isEqualTo(24);
        PlannerMapping m = new PlannerMapping(VrptwInstance.parse(resource("C201.txt"), "C201.txt"));
        assertThat(m.problem().teams()).hasSize(25);
        assertThat(m.problem().teams().get(0).maxAppointmentsPerDay()).isEqualTo(700);
        // 90 units of service at 24 s = 36 minutes of set-up; travel rounded up.
        assertThat(m.problem().sites().get(0).setUpMinutes()).isEqualTo(36);
        int depot = m.matrix().indexOf("depot");
        int c1 = m.matrix().indexOf("c1");
        assertThat(m.matrix().seconds(depot, c1)).isEqualTo((long) Math.ceil(Math.hypot(12, 25) * 24));
    }

    @Test
    void ourSolutionVerifiesWithTheIndependentChecker(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        for (String name : List.of("C101.txt", "R201.txt")) {
            for (String objective : List.of("distance", "hierarchical")) {
                assertOurSolutionVerifies("solomon", name, objective, 4, dir);
            }
        }
    }

    @Test
    void ourSolutionOfTwoHundredCustomersVerifiesWithTheIndependentChecker(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        assertOurSolutionVerifies("homberger", "rc1_2_10.txt", "hierarchical", 5, dir);
    }

    /** Solves with the product's planner, writes the solution file and checks it independently. */
    private static void assertOurSolutionVerifies(String folder, String name, String objective, double seconds,
                                                  Path dir) throws Exception {
        String text = resource(folder, name);
        VrptwInstance instance = VrptwInstance.parse(text, name);
        SolomonRun.Outcome out = SolomonRun.solve(instance, objective, seconds, System.currentTimeMillis(), 0, null);
        Path sol = dir.resolve(name + "." + objective + ".sol");
        Solutions.write(sol, out.routes());
        SolutionChecker.Result check = SolutionChecker.check(text, Files.readString(sol));
        System.out.println("[" + name + " " + objective + "] " + check.line() + " score " + out.score()
                + " " + out.scoreCalculationsPerSecond() + " moves/s");
        assertThat(check.errors()).isEmpty();
        assertThat(out.feasibleInPlanner()).isTrue();
        assertThat(check.distance()).isCloseTo(Solutions.distance(instance, out.routes()),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(check.vehicles()).isLessThanOrEqualTo(instance.vehicles());
    }

    @Test
    void jspritSolutionVerifiesWithTheIndependentChecker() throws Exception {
        VrptwInstance instance = VrptwInstance.parse(resource("R101.txt"), "R101.txt");
        List<List<Integer>> routes = JspritPeer.solve(instance, "distance", 3, System.currentTimeMillis());
        String text = routes.stream().map(r -> "Route #1: " + r.stream().map(String::valueOf)
                .collect(Collectors.joining(" "))).collect(Collectors.joining("\n"));
        SolutionChecker.Result check = SolutionChecker.check(resource("R101.txt"), text);
        System.out.println("[jsprit R101] " + check.line());
        assertThat(check.errors()).isEmpty();
    }
}
