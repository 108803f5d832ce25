package de.kuzmobil.data.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of one data directory, held by one service instance at a time (a file lock
 * beside the directory, which the operating system drops with the process however it ends). Durable
 * like any PostgreSQL: fsync and synchronous commit stay on. A PostgreSQL left running on the directory
 * by a killed instance is stopped before the new one starts.
 */
public final class EmbeddedDatabase implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final FileChannel lockFile;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(FileChannel lockFile, FileLock lock, EmbeddedPostgres postgres) {
        this.lockFile = lockFile;
        this.lock = lock;
        this.postgres = postgres;
    }

    /**
     * @throws IllegalStateException when another live instance holds the directory, or the port is taken
     */
    public static EmbeddedDatabase start(Path dataDir, int port) throws IOException {
        Path dir = dataDir.toAbsolutePath();
        Files.createDirectories(dir);
        Path lockPath = dir.resolveSibling(dir.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("The embedded database in " + dir + " is in use by another running "
                    + "kuz-mobil instance. Stop that one, or give this one its own kuzmobil.embedded-db.dir and "
                    + "kuzmobil.embedded-db.port, or use a PostgreSQL server (SPRING_DATASOURCE_URL).");
        }
        try {
            stopOrphan(dir);
            requireFreePort(port);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // the library starts PostgreSQL for throw-away test databases: -F and no synchronous commit
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // stopped by close() when the application context closes, after everything that
                    // still writes on shutdown (solver runs store their best); the library's own JVM hook
                    // would stop it in parallel. A killed JVM's server is stopped at the next start.
                    .setRegisterShutdownHook(false)
                    .start();
            return new EmbeddedDatabase(channel, lock, postgres);
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            lock.release();
            lockFile.close();
        }
    }

    /** The PostgreSQL process of a data directory, if one is running (its postmaster.pid). */
    static Optional<ProcessHandle> runningPostgres(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }

    private static void stopOrphan(Path dataDir) throws IOException {
        Optional<ProcessHandle> orphan = runningPostgres(dataDir);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle p = orphan.get();
        log.warn("PostgreSQL (pid {}) of an earlier instance that did not shut down still runs on {}: stopping it",
                p.pid(), dataDir);
        p.destroy(); // SIGTERM: PostgreSQL's smart shutdown; the dead instance has no sessions left
        try {
            p.onExit().get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            p.destroyForcibly(); // crash recovery replays the WAL at the next start
            p.onExit().join();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the orphaned PostgreSQL", e);
        }
    }

    private static void requireFreePort(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " for the embedded database is in use by another "
                    + "program. Set kuzmobil.embedded-db.port (env KUZMOBIL_EMBEDDED_DB_PORT) to a free port.", e);
        }
    }
}
