package de.kuzmobil.api.travel;

import de.kuzmobil.data.travel.CachedTravelTimes;
import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.planner.travel.TravelMatrix;
import de.kuzmobil.planner.travel.TravelSource;
import de.kuzmobil.routing.geometry.LegGeometry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

/**
 * What plans use for travel: road times (GraphHopper) or labelled estimates, always through the
 * persistent cache. The road graph may still be loading: {@link #matrix} and {@link #leg} wait for it,
 * so no plan is ever made on a half-loaded graph.
 */
public final class Travel implements AutoCloseable {

    /** How long a web request waits for a loading graph before it is told to come back. */
    static final Duration REQUEST_WAIT = Duration.ofSeconds(20);

    /** The loaded parts. */
    record Ready(CachedTravelTimes times, BiFunction<Location, Location, Optional<LegGeometry>> geometry,
                 Map<String, Object> details) {
    }

    public enum State { LOADING, READY, FAILED }

    private final TravelSource source;
    private final String description;
    private final CompletableFuture<Ready> ready;
    private final Runnable release;
    private final long startedNanos = System.nanoTime();

    /** @param release lets go of the road graph once it is open or failed (closes it when no one else uses it) */
    Travel(TravelSource source, String description, CompletableFuture<Ready> ready, Runnable release) {
        this.source = source;
        this.description = description;
        this.ready = ready;
        this.release = release;
    }

    /** Road or estimated; known at once, before the graph is loaded. */
    public TravelSource source() {
        return source;
    }

    /** Where the times come from, e.g. the OSM file and profile. */
    public String description() {
        return description;
    }

    public State state() {
        if (!ready.isDone()) {
            return State.LOADING;
        }
        return ready.isCompletedExceptionally() ? State.FAILED : State.READY;
    }

    public long secondsSinceStart() {
        return (System.nanoTime() - startedNanos) / 1_000_000_000;
    }

    /** Graph size and load time once ready, the error once failed. */
    public Map<String, Object> details() {
        return switch (state()) {
            case READY -> ready.join().details();
            case FAILED -> Map.of("error", failure().getMessage());
            case LOADING -> Map.of("loadingForSeconds", secondsSinceStart());
        };
    }

    /**
     * The planning matrix between these locations: cached road (or estimated) times in whole minutes
     * (rounded up), with the sites' declared access legs still to be laid over by the planner.
     * Waits for the road graph as long as it loads.
     */
    public TravelMatrix matrix(List<Location> locations) {
        return await(null).times().matrix(locations).inWholeMinutes();
    }

    /** A leg's polyline for maps; waits up to {@link #REQUEST_WAIT} for a loading graph. */
    public Optional<LegGeometry> leg(Location from, Location to) {
        return await(REQUEST_WAIT).geometry().apply(from, to);
    }

    /** Throws {@link TravelUnavailableException} unless the graph is ready within {@link #REQUEST_WAIT}. */
    public void awaitForRequest() {
        await(REQUEST_WAIT);
    }

    private Ready await(Duration limit) {
        try {
            return limit == null ? ready.get() : ready.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TravelUnavailableException("the road graph is still loading (for " + secondsSinceStart()
                    + " s); try again in a minute");
        } catch (ExecutionException e) {
            throw new TravelUnavailableException("the road graph could not be loaded: " + failure().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TravelUnavailableException("interrupted while waiting for the road graph");
        }
    }

    private Throwable failure() {
        try {
            ready.join();
            return null;
        } catch (RuntimeException e) {
            return e.getCause() != null ? e.getCause() : e;
        }
    }

    @Override
    public void close() {
        ready.whenComplete((r, e) -> release.run());
    }
}
