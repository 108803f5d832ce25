package de.kuzmobil.api.booking;

import de.kuzmobil.api.system.TooManyRequestsException;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Booking and cancelling per client address: a token bucket each, refilled every minute, kept in
 * PostgreSQL (Bucket4j's store, table {@code booking_rate_bucket}) so that every instance on the database
 * counts against the same bucket. A bucket's row goes once it would be full again.
 */
@Component
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final BucketConfiguration perAddress;

    public RateLimiter(DataSource dataSource, @Value("${kuzmobil.booking.rate-limit-per-minute}") int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("kuzmobil.booking.rate-limit-per-minute must be at least 1");
        }
        // row locks, not advisory locks: those take numbers, and the keys are addresses
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("booking_rate_bucket")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
        this.perAddress = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }

    /** Takes one token for this address, or says how long to wait. */
    public void take(String address) {
        ConsumptionProbe probe = buckets.getProxy(address, () -> perAddress).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
            throw new TooManyRequestsException("too many booking requests from this address; try again in "
                    + seconds + " s", seconds);
        }
    }

    /** Buckets that are full again are the same as none: their rows go. */
    @Scheduled(fixedDelay = 5, initialDelay = 5, timeUnit = TimeUnit.MINUTES)
    void removeFullBuckets() {
        try {
            int removed;
            do {
                removed = buckets.removeExpired(1000);
            } while (removed == 1000);
        } catch (RuntimeException e) {
            log.warn("Expired booking rate buckets not removed (tried again in 5 minutes)", e);
        }
    }
}
