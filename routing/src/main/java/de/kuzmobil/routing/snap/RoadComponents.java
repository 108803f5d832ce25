package de.kuzmobil.routing.snap;

import com.carrotsearch.hppc.IntArrayList;
import com.graphhopper.routing.subnetwork.TarjanSCC;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;

/**
 * Strongly connected road components for the profile (which junctions can reach each other by
 * car). Used to explain unreachable sites: an island such as Neuwerk has roads, but none that
 * lead to the mainland network.
 */
public final class RoadComponents {

    private static final Logger LOG = LoggerFactory.getLogger(RoadComponents.class);

    private final int[] componentOf;
    private final int[] sizes;
    private final int main;

    private RoadComponents(int[] componentOf, int[] sizes, int main) {
        this.componentOf = componentOf;
        this.sizes = sizes;
        this.main = main;
    }

    public static RoadComponents of(BaseGraph graph, Weighting weighting) {
        long start = System.nanoTime();
        TarjanSCC.ConnectedComponents ccs = TarjanSCC.findComponents(graph,
                edge -> Double.isFinite(weighting.calcEdgeWeight(edge, false)), false);
        int[] componentOf = new int[graph.getNodes()];
        Arrays.fill(componentOf, -1);
        List<IntArrayList> components = ccs.getComponents();
        int[] sizes = new int[components.size()];
        int main = -1;
        for (int c = 0; c < components.size(); c++) {
            IntArrayList nodes = components.get(c);
            sizes[c] = nodes.size();
            for (int k = 0; k < nodes.size(); k++) {
                componentOf[nodes.get(k)] = c;
            }
            if (main < 0 || sizes[c] > sizes[main]) {
                main = c;
            }
        }
        LOG.info("Road components found in {} ms: {} components, main network {} of {} junctions",
                (System.nanoTime() - start) / 1_000_000, components.size(), main < 0 ? 0 : sizes[main],
                graph.getNodes());
        return new RoadComponents(componentOf, sizes, main);
    }

    /** Component id of a junction, -1 if it has no usable road at all. */
    public int componentOf(int node) {
        return node >= 0 && node < componentOf.length ? componentOf[node] : -1;
    }

    public int size(int component) {
        return component < 0 ? 0 : sizes[component];
    }

    public int mainComponent() {
        return main;
    }
}
