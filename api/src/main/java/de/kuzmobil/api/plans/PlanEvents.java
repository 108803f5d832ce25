package de.kuzmobil.api.plans;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events per plan: each new best score while solving ("best"), each stored checkpoint of
 * the best plan ("plan"), then one final event ("done").
 */
@Component
public class PlanEvents {

    /** A new best solution. */
    public record Best(String score, long elapsedMillis) {
    }

    /** The best plan so far was stored (a checkpoint): read the plan again to see it. */
    public record Stored(int version, String score) {
    }

    /** Solving ended: SOLVED (also after an early stop) or FAILED. */
    public record Done(String status, String score, String failure) {
    }

    private final Map<Long, List<SseEmitter>> emitters = new ConcurrentHashMap<>();
    private final Map<Long, Best> latest = new ConcurrentHashMap<>();

    /** Subscribes to a plan that is solving; the latest best (if any) is sent at once. */
    public SseEmitter subscribe(long planId, long timeoutMillis) {
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        List<SseEmitter> list = emitters.computeIfAbsent(planId, k -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        emitter.onCompletion(() -> list.remove(emitter));
        emitter.onTimeout(() -> list.remove(emitter));
        emitter.onError(e -> list.remove(emitter));
        Best best = latest.get(planId);
        if (best != null) {
            send(emitter, "best", best);
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
            list.remove(emitter);
        }
        send(emitter, "done", done);
        emitter.complete();
    }

    void best(long planId, Best best) {
        latest.put(planId, best);
        emitters.getOrDefault(planId, List.of()).forEach(e -> send(e, "best", best));
    }

    void stored(long planId, Stored stored) {
        emitters.getOrDefault(planId, List.of()).forEach(e -> send(e, "plan", stored));
    }

    void done(long planId, Done done) {
        latest.remove(planId);
        List<SseEmitter> list = emitters.remove(planId);
        if (list != null) {
            for (SseEmitter e : list) {
                send(e, "done", done);
                e.complete();
            }
        }
    }

    private static void send(SseEmitter emitter, String name, Object data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data));
        } catch (IOException | IllegalStateException e) {
            // the client went away; its emitter is dropped by the callbacks above
        }
    }
}
