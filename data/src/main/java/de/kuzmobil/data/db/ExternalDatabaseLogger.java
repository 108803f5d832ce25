package de.kuzmobil.data.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The one start-up line naming the database in use, when it is an external one. */
@Component
@Conditional(ExternalDatabaseLogger.DataSourceUrlSet.class)
class ExternalDatabaseLogger {

    private static final Logger log = LoggerFactory.getLogger(ExternalDatabaseLogger.class);
    private final Environment env;

    ExternalDatabaseLogger(Environment env) {
        this.env = env;
    }

    @EventListener(ApplicationReadyEvent.class)
    void logDatabase() {
        String url = env.getProperty("spring.datasource.url", "");
        // never log credentials that might be embedded in the URL's query
        int q = url.indexOf('?');
        log.info("Database: external PostgreSQL at {}", q < 0 ? url : url.substring(0, q));
    }

    static class DataSourceUrlSet extends NoDataSourceUrlCondition {
        @Override
        public boolean matches(org.springframework.context.annotation.ConditionContext c,
                               org.springframework.core.type.AnnotatedTypeMetadata m) {
            return !super.matches(c, m);
        }
    }
}
