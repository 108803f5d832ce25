package de.kuzmobil.api.plans;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What happens to a plan's run, told to every service instance on the database by PostgreSQL's
 * LISTEN/NOTIFY: the payload is ids only ({@code planId:kind:instance}); receivers read the rest from
 * the tables. The channel is named after the schema, since notifications are per database and plan
 * ids per schema. Kinds: queued, best, stored, done (a run's progress) and stop (a request to the instance
 * that runs it). Each instance ignores its own signals: it has told its listeners already.
 */
@Component
public class PlanSignals implements SmartLifecycle {

    /** A signal from another instance. */
    public record Signal(long planId, String kind) {
    }

    private static final String CHANNEL_PREFIX = "kuz_plan_";
    private static final Logger log = LoggerFactory.getLogger(PlanSignals.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final String instance = UUID.randomUUID().toString().substring(0, 12);
    private final List<java.util.function.Consumer<Signal>> receivers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile Thread listener;
    private volatile String channel;

    public PlanSignals(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** This instance's id, as written in its solver jobs. */
    public String instance() {
        return instance;
    }

    /** Tells every instance; a failure is logged, never thrown (progress is also in the tables). */
    public void send(long planId, String kind) {
        try {
            jdbc.sql("select pg_notify(?, ?)").params(channel(), planId + ":" + kind + ":" + instance)
                    .query(Object.class).single();
        } catch (RuntimeException e) {
            log.warn("Plan {}: signal '{}' not sent", planId, kind, e);
        }
    }

    private String channel() {
        String c = channel;
        if (c == null) {
            String schema = jdbc.sql("select current_schema()").query(String.class).single();
            c = CHANNEL_PREFIX + schema.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
            channel = c;
        }
        return c;
    }

    void receive(java.util.function.Consumer<Signal> receiver) {
        receivers.add(receiver);
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "plan-signals");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = listener;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Holds one connection that listens; reconnects after a second when it breaks. */
    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement s = connection.createStatement()) {
                    // a sanitised identifier (see channel()), so it can stand in the statement
                    s.execute("listen " + channel());
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            dispatch(n.getParameter());
                        }
                    }
                }
            } catch (Exception e) {
                if (running) {
                    log.warn("Listening for plan signals failed; trying again in a second", e);
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private void dispatch(String payload) {
        String[] parts = payload.split(":");
        if (parts.length != 3 || parts[2].equals(instance)) {
            return;
        }
        Signal signal = new Signal(Long.parseLong(parts[0]), parts[1]);
        for (var r : receivers) {
            try {
                r.accept(signal);
            } catch (RuntimeException e) {
                log.warn("Plan {}: signal '{}' not handled", signal.planId(), signal.kind(), e);
            }
        }
    }
}
