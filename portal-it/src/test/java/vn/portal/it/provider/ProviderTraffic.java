package vn.portal.it.provider;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How often the portal called each provider endpoint since the last {@link #reset()}. The suite uses
 * it to prove that a rejected ID token never led to a UserInfo call and that a bad authorization
 * response never led to a token request.
 */
public final class ProviderTraffic {

    /** The provider endpoints the portal may call. */
    public enum Endpoint { DISCOVERY, JWKS, AUTHORIZE, TOKEN, USERINFO, END_SESSION }

    private final Map<Endpoint, AtomicInteger> counts = new EnumMap<>(Endpoint.class);

    ProviderTraffic() {
        for (Endpoint endpoint : Endpoint.values()) {
            counts.put(endpoint, new AtomicInteger());
        }
    }

    void record(Endpoint endpoint) {
        counts.get(endpoint).incrementAndGet();
    }

    public int count(Endpoint endpoint) {
        return counts.get(endpoint).get();
    }

    public void reset() {
        counts.values().forEach(count -> count.set(0));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        counts.forEach((endpoint, count) -> text.append(endpoint).append('=').append(count.get()).append(' '));
        return text.toString().trim();
    }
}
