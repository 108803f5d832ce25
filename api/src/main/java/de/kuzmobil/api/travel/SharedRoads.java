package de.kuzmobil.api.travel;

import de.kuzmobil.routing.RoadRouting;
import de.kuzmobil.routing.RoutingConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One road graph per configuration in this JVM, opened in the background and shared by every
 * application context that asks for it, closed when the last one lets go. Two contexts importing
 * into the same cache directory at once would fight over GraphHopper's write lock (tests start several).
 */
final class SharedRoads {

    private static final Logger log = LoggerFactory.getLogger(SharedRoads.class);

    private record Entry(CompletableFuture<RoadRouting> routing, int users) {
    }

    private static final Map<RoutingConfig, Entry> OPEN = new HashMap<>();

    private SharedRoads() {
    }

    static synchronized CompletableFuture<RoadRouting> acquire(RoutingConfig config) {
        Entry entry = OPEN.get(config);
        if (entry == null) {
            CompletableFuture<RoadRouting> routing = new CompletableFuture<>();
            Thread loader = new Thread(() -> {
                try {
                    routing.complete(RoadRouting.open(config));
                } catch (Throwable e) {
                    log.error("Road graph could not be opened from {}", config.osmFile(), e);
                    routing.completeExceptionally(e);
                }
            }, "road-graph-loader");
            loader.setDaemon(true);
            loader.start();
            entry = new Entry(routing, 0);
        }
        OPEN.put(config, new Entry(entry.routing(), entry.users() + 1));
        return entry.routing();
    }

    static synchronized void release(RoutingConfig config) {
        Entry entry = OPEN.get(config);
        if (entry == null) {
            return;
        }
        if (entry.users() > 1) {
            OPEN.put(config, new Entry(entry.routing(), entry.users() - 1));
            return;
        }
        OPEN.remove(config);
        // a graph still loading is closed once it is open
        entry.routing().thenAccept(RoadRouting::close);
    }
}
