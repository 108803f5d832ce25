package de.kuzmobil.api.booking;

import de.kuzmobil.api.system.TooManyRequestsException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Booking and cancelling per client address: a token bucket each (Bucket4j), refilled every minute.
 * Buckets of addresses not seen for ten minutes are dropped.
 */
@Component
public class RateLimiter {

    private final int perMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    public RateLimiter(@Value("${kuzmobil.booking.rate-limit-per-minute}") int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("kuzmobil.booking.rate-limit-per-minute must be at least 1");
        }
        this.perMinute = perMinute;
    }

    /** Takes one token for this address, or says how long to wait. */
    public void take(String address) {
        Bucket bucket = buckets.get(address, a -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
            throw new TooManyRequestsException("too many booking requests from this address; try again in "
                    + seconds + " s", seconds);
        }
    }
}
