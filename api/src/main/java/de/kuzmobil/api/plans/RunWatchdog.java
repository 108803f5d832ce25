package de.kuzmobil.api.plans;

import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run that overruns its time limit by two minutes is told to stop (and every thread's stack is logged:
 * where it is stuck); one that still has not ended a minute later is ended as failed, so no plan stays
 * SOLVING.
 */
final class RunWatchdog implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RunWatchdog.class);

    /** A run the watchdog gave up on. */
    static final class Overrun extends RuntimeException {
        Overrun(String message) {
            super(message);
        }
    }

    private final Collection<SolverRun> running;
    private final RunEnds ends;

    RunWatchdog(Collection<SolverRun> running, RunEnds ends) {
        this.running = running;
        this.ends = ends;
    }

    @Override
    public void run() {
        long now = System.nanoTime();
        for (SolverRun run : running) {
            if (run.ended.get()) {
                continue;
            }
            long overrun = (now - run.launchedNanos) / 1_000_000_000L - run.seconds;
            if (overrun > 180) {
                ends.fail(run, new Overrun("the run did not end " + overrun + " s after its time limit and was given up"));
            } else if (overrun > 120 && !run.stopRequested) {
                log.warn("Plan {} runs {} s over its time limit: stopping it; where each thread is:\n{}", run.planId,
                        overrun, threadStacks());
                run.stop();
            }
        }
    }

    private static String threadStacks() {
        StringBuilder text = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            text.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
            for (StackTraceElement frame : stack) {
                text.append("    at ").append(frame).append('\n');
            }
        });
        return text.toString();
    }
}
