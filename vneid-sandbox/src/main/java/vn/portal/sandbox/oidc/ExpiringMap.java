package vn.portal.sandbox.oidc;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * A concurrent map whose entries vanish at their expiry instant. Expired entries are invisible at once and removed
 * by {@link #purge(Instant)}, which the server runs periodically so memory stays bounded under load.
 */
final class ExpiringMap<K, V> {

    private record Entry<V>(V value, Instant expiresAt) {
    }

    private final ConcurrentHashMap<K, Entry<V>> map = new ConcurrentHashMap<>();

    void put(K key, V value, Instant expiresAt) {
        map.put(key, new Entry<>(value, expiresAt));
    }

    /** Stores the value only if no live entry holds the key; returns whether it was stored. */
    boolean putIfAbsent(K key, V value, Instant expiresAt, Instant now) {
        Entry<V> fresh = new Entry<>(value, expiresAt);
        BiFunction<K, Entry<V>, Entry<V>> replaceExpired = (k, old) -> old == null || !old.expiresAt.isAfter(now) ? fresh : old;
        return map.compute(key, replaceExpired) == fresh;
    }

    Optional<V> get(K key, Instant now) {
        if (key == null) {
            return Optional.empty();
        }
        Entry<V> e = map.get(key);
        return e == null || !e.expiresAt.isAfter(now) ? Optional.empty() : Optional.of(e.value);
    }

    /** Removes and returns the live value, atomically: two callers never both get it. */
    Optional<V> take(K key, Instant now) {
        if (key == null) {
            return Optional.empty();
        }
        Entry<V> e = map.remove(key);
        return e == null || !e.expiresAt.isAfter(now) ? Optional.empty() : Optional.of(e.value);
    }

    void remove(K key) {
        if (key != null) {
            map.remove(key);
        }
    }

    void purge(Instant now) {
        map.values().removeIf(e -> !e.expiresAt.isAfter(now));
    }

    int size() {
        return map.size();
    }
}
