package de.kuzmobil.routing.matrix;

/**
 * Exact many-to-many results: milliseconds and metres as GraphHopper sums them along the path,
 * {@link #UNREACHABLE} (millis) / NaN (metres) where no path exists or a point was not snapped.
 */
public record MatrixResult(long[][] millis, double[][] meters) {

    public static final long UNREACHABLE = -1;

    public boolean reachable(int source, int target) {
        return millis[source][target] != UNREACHABLE;
    }
}
