package de.kuzmobil.api.publicstops;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Rendered public answers (stops, calendars) by request, with a strong ETag so that clients get 304
 * when nothing changed. Publishing and booking clear it here; entries also expire after a few seconds,
 * which bounds how stale another instance's answer can be and lets "bookable" follow the clock.
 */
@Component
public class PublicCache {

    /** A rendered answer. */
    record Rendered(byte[] body, MediaType type, String etag) {
    }

    private final Cache<String, Rendered> entries = Caffeine.newBuilder().maximumSize(2_000)
            .expireAfterWrite(Duration.ofSeconds(5)).build();

    /** Forgets everything: call after anything citizens see changed. */
    public void invalidate() {
        entries.invalidateAll();
    }

    ResponseEntity<byte[]> answer(String key, String ifNoneMatch, MediaType type, Supplier<String> render) {
        Rendered r = entries.get(key, k -> {
            byte[] body = render.get().getBytes(StandardCharsets.UTF_8);
            return new Rendered(body, type, "\"" + sha256(body).substring(0, 32) + "\"");
        });
        // revalidate every time: free slots change with each booking
        CacheControl revalidate = CacheControl.noCache().cachePublic();
        if (ifNoneMatch != null && (ifNoneMatch.equals(r.etag()) || ifNoneMatch.contains(r.etag()))) {
            return ResponseEntity.status(304).eTag(r.etag()).cacheControl(revalidate).build();
        }
        return ResponseEntity.ok().contentType(r.type()).eTag(r.etag()).cacheControl(revalidate).body(r.body());
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
