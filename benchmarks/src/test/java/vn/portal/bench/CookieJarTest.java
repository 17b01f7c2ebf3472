package vn.portal.bench;

import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CookieJarTest {

    @Test
    void sendsBackWhatWasSetAndReplacesARotatedSessionId() {
        CookieJar jar = new CookieJar();
        assertThat(jar.header()).isEmpty();

        jar.store(headers("PORTAL_SESSION=first; Path=/; HttpOnly; SameSite=Lax",
                "VNEID_SANDBOX_BROWSER=b1; Path=/; HttpOnly"));
        jar.store(headers("PORTAL_SESSION=rotated; Path=/; HttpOnly; SameSite=Lax"));

        assertThat(jar.header()).contains("PORTAL_SESSION=rotated; VNEID_SANDBOX_BROWSER=b1");
    }

    @Test
    void forgetsACookieTheServerExpires() {
        CookieJar jar = new CookieJar();
        jar.store(headers("VNEID_SANDBOX_SSO=s1; Path=/", "PORTAL_SESSION=p1; Path=/"));

        jar.store(headers("VNEID_SANDBOX_SSO=; Path=/; Max-Age=0; HttpOnly"));

        assertThat(jar.header()).contains("PORTAL_SESSION=p1");
    }

    private static HttpHeaders headers(String... setCookies) {
        return HttpHeaders.of(Map.of("Set-Cookie", List.of(setCookies)), (name, value) -> true);
    }
}
