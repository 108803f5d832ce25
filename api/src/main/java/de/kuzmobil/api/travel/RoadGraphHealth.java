package de.kuzmobil.api.travel;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** DOWN while the road graph loads or after it failed: no plan may run on a half-loaded graph. */
@Component("roadGraph")
public class RoadGraphHealth implements HealthIndicator {

    private final Travel travel;

    public RoadGraphHealth(Travel travel) {
        this.travel = travel;
    }

    @Override
    public Health health() {
        Health.Builder health = switch (travel.state()) {
            case READY -> Health.up();
            case LOADING -> Health.down().withDetail("state", "starting: loading the road graph");
            case FAILED -> Health.down().withDetail("state", "failed");
        };
        return health.withDetail("travelTimes", travel.source().name().toLowerCase())
                .withDetail("from", travel.description()).withDetails(travel.details()).build();
    }
}
