package de.kuzmobil.api.plans;

import de.kuzmobil.data.plan.PlanStatus;
import de.kuzmobil.api.system.TooManyRequestsException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events per plan: its place while it waits for a free solver ("queued"), each new best
 * score while solving ("best"), each stored checkpoint of the best plan ("plan"), then one final event
 * ("done"). Listeners are capped per plan and in all (429 beyond).
 */
@Component
public class PlanEvents {

    /** Waiting for a free solver: 1 = next. */
    public record Queued(int position) {
    }

    /** A new best solution. */
    public record Best(String score, long elapsedMillis) {
    }

    /** The best plan so far was stored (a checkpoint): read the plan again to see it. */
    public record Stored(int version, String score) {
    }

    /** Solving ended: SOLVED (also after an early stop) or FAILED. */
    public record Done(PlanStatus status, String score, String failure) {
    }

    private final Map<Long, List<SseEmitter>> emitters = new ConcurrentHashMap<>();
    private final Map<Long, Best> latest = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    // every write to a listener happens here, in order: a listener that does not read blocks this thread
    // (until the server's write timeout), never a solver, the queue or a request
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "plan-events");
        t.setDaemon(true);
        return t;
    });
    private final int maxPerPlan;
    private final int maxTotal;

    public PlanEvents(@Value("${kuzmobil.events.max-per-plan}") int maxPerPlan,
                      @Value("${kuzmobil.events.max-total}") int maxTotal) {
        this.maxPerPlan = maxPerPlan;
        this.maxTotal = maxTotal;
    }

    /** Listeners now, for health and tests. */
    public int listeners() {
        return total.get();
    }

    /** Someone on this instance listens to the plan's progress. */
    boolean hasListeners(long planId) {
        return emitters.containsKey(planId);
    }

    /** Plans with listener lists (none is left behind once a plan's stream ends). */
    int plansWithListeners() {
        return emitters.size();
    }

    /**
     * Subscribes to a plan that is solving; the latest best of a run here (if any) is sent at once (the
     * place of a waiting plan comes from the table, see RemoteRuns#catchUp).
     *
     * @throws TooManyRequestsException beyond the caps
     */
    public SseEmitter subscribe(long planId, long timeoutMillis) {
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        List<SseEmitter> list;
        synchronized (this) {
            List<SseEmitter> current = emitters.get(planId);
            if (total.get() >= maxTotal || (current != null && current.size() >= maxPerPlan)) {
                throw new TooManyRequestsException("too many listeners on plan progress ("
                        + (current == null ? 0 : current.size()) + " on this plan, " + total.get()
                        + " in all); read GET /api/v1/plans/" + planId + " instead", 10);
            }
            list = emitters.computeIfAbsent(planId, k -> new CopyOnWriteArrayList<>());
            list.add(emitter);
            total.incrementAndGet();
        }
        Runnable drop = () -> drop(planId, list, emitter);
        emitter.onCompletion(drop);
        emitter.onTimeout(drop);
        emitter.onError(e -> drop.run());
        Best best = latest.get(planId);
        if (best != null) {
            write(() -> send(emitter, "best", best));
        }
        return emitter;
    }

    /** For a plan that is not solving: the final state, then close. */
    public SseEmitter finished(Done done) {
        SseEmitter emitter = new SseEmitter(5_000L);
        send(emitter, "done", done);
        emitter.complete();
        return emitter;
    }

    /** Ends one subscriber's stream with the final state. */
    void end(long planId, SseEmitter emitter, Done done) {
        List<SseEmitter> list = emitters.get(planId);
        if (list != null) {
            drop(planId, list, emitter);
        }
        write(() -> {
            send(emitter, "done", done);
            emitter.complete();
        });
    }

    /** Forgets a listener once (its callbacks may all fire); a plan's empty list goes with it. */
    private synchronized void drop(long planId, List<SseEmitter> list, SseEmitter emitter) {
        if (list.remove(emitter)) {
            total.decrementAndGet();
        }
        if (list.isEmpty()) {
            emitters.remove(planId, list);
        }
    }

    void queued(long planId, Queued place) {
        toAll(planId, "queued", place);
    }

    void best(long planId, Best best) {
        latest.put(planId, best);
        toAll(planId, "best", best);
    }

    void stored(long planId, Stored stored) {
        toAll(planId, "plan", stored);
    }

    void done(long planId, Done done) {
        latest.remove(planId);
        List<SseEmitter> list = emitters.get(planId);
        if (list != null) {
            for (SseEmitter e : list) {
                drop(planId, list, e);
                write(() -> {
                    send(e, "done", done);
                    e.complete();
                });
            }
        }
    }

    private void toAll(long planId, String name, Object data) {
        List<SseEmitter> list = emitters.get(planId);
        if (list != null && !list.isEmpty()) {
            List<SseEmitter> now = List.copyOf(list);
            write(() -> now.forEach(e -> send(e, name, data)));
        }
    }

    private void write(Runnable task) {
        try {
            writer.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down: the streams end with the server
        }
    }

    @PreDestroy
    void shutdown() {
        writer.shutdownNow();
    }

    private static void send(SseEmitter emitter, String name, Object data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data));
        } catch (IOException | IllegalStateException e) {
            // the client went away; its emitter is dropped by the callbacks above
        }
    }
}
