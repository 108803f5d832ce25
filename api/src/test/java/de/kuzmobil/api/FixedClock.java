package de.kuzmobil.api;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Stands the application on Tuesday 2026-12-01, 08:00 in Hamburg: the demo week lies ahead. */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClock {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(LocalDateTime.of(2026, 12, 1, 8, 0).atZone(BERLIN).toInstant(), BERLIN);
    }
}
