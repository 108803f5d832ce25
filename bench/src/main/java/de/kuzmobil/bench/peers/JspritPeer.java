package de.kuzmobil.bench.peers;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.termination.TimeTermination;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.cost.AbstractForwardVehicleRoutingTransportCosts;
import com.graphhopper.jsprit.core.problem.driver.Driver;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.Vehicle;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.Coordinate;
import com.graphhopper.jsprit.core.util.Solutions;
import de.kuzmobil.bench.solomon.VrptwInstance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * jsprit 1.8 peer: {@code JspritPeer INSTANCE_FILE SECONDS SOLUTION_FILE [distance|hierarchical]}.
 * Default jsprit algorithm ({@code Jsprit.Builder}, one thread, the machine has 2 shared cores),
 * Euclidean double-precision distance as cost and time, finite fleet of the instance's size;
 * {@code hierarchical} adds a fixed cost of 10,000 per vehicle. Time termination registered both as
 * premature termination and as a listener (without the listener it never starts its clock).
 */
public final class JspritPeer {

    public static final double VEHICLE_COST = 10_000;

    private JspritPeer() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        VrptwInstance instance = VrptwInstance.read(Path.of(args[0]));
        double budget = Double.parseDouble(args[1]);
        Path solutionFile = Path.of(args[2]);
        String objective = args.length > 3 ? args[3] : "distance";
        List<List<Integer>> routes = solve(instance, objective, budget, t0);
        de.kuzmobil.bench.solomon.Solutions.write(solutionFile, routes);
        double elapsed = (System.currentTimeMillis() - t0) / 1000.0;
        System.out.println(de.kuzmobil.bench.solomon.Solutions.resultLine(instance.name(), objective, routes,
                de.kuzmobil.bench.solomon.Solutions.distance(instance, routes), elapsed,
                de.kuzmobil.bench.solomon.Solutions.feasible(instance, routes), "solver=jsprit-1.8"));
    }

    public static List<List<Integer>> solve(VrptwInstance instance, String objective, double budgetSeconds,
                                            long startMillis) {
        List<VrptwInstance.Node> nodes = instance.nodes();
        Location[] locations = new Location[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            locations[i] = Location.Builder.newInstance().setId(String.valueOf(nodes.get(i).number())).setIndex(i)
                    .setCoordinate(Coordinate.newInstance(nodes.get(i).x(), nodes.get(i).y())).build();
        }
        VrptwInstance.Node depot = instance.depot();
        VehicleTypeImpl type = VehicleTypeImpl.Builder.newInstance("type")
                .addCapacityDimension(0, instance.capacity())
                .setCostPerDistance(1.0).setCostPerTransportTime(0.0).setCostPerWaitingTime(0.0)
                .setFixedCost(objective.equals("hierarchical") ? VEHICLE_COST : 0.0).build();
        VehicleRoutingProblem.Builder vrp = VehicleRoutingProblem.Builder.newInstance()
                .setFleetSize(VehicleRoutingProblem.FleetSize.FINITE);
        for (int v = 1; v <= instance.vehicles(); v++) {
            vrp.addVehicle(VehicleImpl.Builder.newInstance("v" + v).setStartLocation(locations[0])
                    .setEarliestStart(depot.ready()).setLatestArrival(depot.due()).setType(type).build());
        }
        for (int i = 1; i < nodes.size(); i++) {
            VrptwInstance.Node c = nodes.get(i);
            vrp.addJob(Service.Builder.newInstance(String.valueOf(c.number())).setLocation(locations[i])
                    .addSizeDimension(0, c.demand()).setServiceTime(c.service())
                    .addTimeWindow(c.ready(), c.due()).build());
        }
        vrp.setRoutingCost(new EuclideanCosts(nodes));
        VehicleRoutingProblem problem = vrp.build();
        VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(problem)
                .setProperty(Jsprit.Parameter.THREADS, "1").buildAlgorithm();
        long left = Math.round(budgetSeconds * 1000) - (System.currentTimeMillis() - startMillis) - 700;
        TimeTermination termination = new TimeTermination(Math.max(left, 200));
        algorithm.setPrematureAlgorithmTermination(termination);
        algorithm.addListener(termination);
        algorithm.setMaxIterations(Integer.MAX_VALUE);
        VehicleRoutingProblemSolution best = Solutions.bestOf(algorithm.searchSolutions());
        List<List<Integer>> routes = new ArrayList<>();
        List<VehicleRoute> sorted = new ArrayList<>(best.getRoutes());
        sorted.sort(Comparator.comparing(r -> r.getVehicle().getId()));
        for (VehicleRoute route : sorted) {
            List<Integer> r = new ArrayList<>();
            for (TourActivity act : route.getActivities()) {
                if (act instanceof TourActivity.JobActivity job) {
                    r.add(Integer.valueOf(job.getJob().getId()));
                }
            }
            if (!r.isEmpty()) {
                routes.add(r);
            }
        }
        if (!best.getUnassignedJobs().isEmpty()) {
            System.out.println("jsprit left " + best.getUnassignedJobs().size() + " jobs unassigned");
        }
        return routes;
    }

    /** Euclidean distance as cost (per-distance unit cost of the vehicle) and as travel time. */
    static final class EuclideanCosts extends AbstractForwardVehicleRoutingTransportCosts {
        private final double[][] d;

        EuclideanCosts(List<VrptwInstance.Node> nodes) {
            int n = nodes.size();
            d = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    d[i][j] = VrptwInstance.distance(nodes.get(i), nodes.get(j));
                }
            }
        }

        @Override
        public double getDistance(Location from, Location to, double departureTime, Vehicle vehicle) {
            return d[from.getIndex()][to.getIndex()];
        }

        @Override
        public double getTransportTime(Location from, Location to, double departureTime, Driver driver,
                                       Vehicle vehicle) {
            return d[from.getIndex()][to.getIndex()];
        }

        @Override
        public double getTransportCost(Location from, Location to, double departureTime, Driver driver,
                                       Vehicle vehicle) {
            double perDistance = vehicle == null ? 1.0 : vehicle.getType().getVehicleCostParams().perDistanceUnit;
            return d[from.getIndex()][to.getIndex()] * perDistance;
        }
    }
}
