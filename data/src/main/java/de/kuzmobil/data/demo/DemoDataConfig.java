package de.kuzmobil.data.demo;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data on by default for the embedded database only; {@code kuzmobil.demo-data.enabled}
 * overrides that either way.
 */
@Configuration(proxyBeanMethods = false)
public class DemoDataConfig {

    /** When the demo data loads among the start-up runners; what needs it runs later. */
    public static final int ORDER = 0;

    @Bean
    @Conditional(DemoWanted.class)
    @org.springframework.core.annotation.Order(ORDER)
    ApplicationRunner demoDataRunner(JdbcClient jdbc, TransactionTemplate tx) {
        return args -> new DemoDataLoader(jdbc, tx).loadIfAbsent();
    }

    public static class DemoWanted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String explicit = context.getEnvironment().getProperty("kuzmobil.demo-data.enabled");
            if (explicit != null && !explicit.isBlank()) {
                return Boolean.parseBoolean(explicit);
            }
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
