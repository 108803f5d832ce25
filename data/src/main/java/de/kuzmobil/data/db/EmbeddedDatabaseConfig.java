package de.kuzmobil.data.db;

import java.io.IOException;
import java.nio.file.Path;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The no-setup default: a real PostgreSQL 15 started from the bundled binaries, with its data
 * directory under the project so that a restart keeps every plan (durably, one instance at a time: see
 * {@link EmbeddedDatabase}). Active only while no {@code spring.datasource.url} (env
 * {@code SPRING_DATASOURCE_URL}) is configured.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceUrlCondition.class)
public class EmbeddedDatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(@Value("${kuzmobil.embedded-db.dir:var/pgdata}") String dir,
                                      @Value("${kuzmobil.embedded-db.port:54329}") int port) throws IOException {
        EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(dir), port);
        log.info("Database: embedded PostgreSQL 15 on port {} with data in {} (set SPRING_DATASOURCE_URL to use another)",
                port, Path.of(dir).toAbsolutePath());
        return db;
    }

    /** Pooled like the external database gets it from Spring Boot (the embedded one is not pooled). */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedDatabase db) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(db.jdbcUrl());
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(10);
        pool.setPoolName("embedded");
        return pool;
    }
}
