package vn.portal.e2e;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import vn.portal.sandbox.SandboxConfig;
import vn.portal.sandbox.SandboxServer;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.List;

/**
 * Starts {@code vneid-sandbox} in the test JVM before Arquillian deploys the portal (register this extension
 * first), because the portal's readiness and first sign-in read the provider's discovery document. The running
 * server goes into the test class's static {@link SandboxServer} field and is stopped after the class.
 */
public final class SandboxExtension implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SandboxExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        URI portal = E2eSettings.portal();
        SandboxConfig config = SandboxConfig.builder()
                .port(E2eSettings.providerPort())
                .bindAddress("127.0.0.1")
                .issuer(E2eSettings.provider())
                .dataDir(E2eSettings.sandboxDataDir())
                .clientId(E2eSettings.clientId())
                .clientSecret(E2eSettings.clientSecret())
                .redirectUris(List.of(portal.resolve("/callback")))
                .postLogoutRedirectUris(List.of(portal.resolve("/")))
                .backchannelLogoutUri(portal.resolve("/backchannel-logout"))
                .build();
        SandboxServer sandbox = SandboxServer.start(config);
        context.getStore(NAMESPACE).put(SandboxServer.class, sandbox);
        Class<?> testClass = context.getRequiredTestClass();
        for (Field field : testClass.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == SandboxServer.class) {
                field.setAccessible(true);
                field.set(null, sandbox);
                return;
            }
        }
        sandbox.stop();
        throw new IllegalStateException(testClass.getName() + " needs a static SandboxServer field");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SandboxServer sandbox = context.getStore(NAMESPACE).remove(SandboxServer.class, SandboxServer.class);
        if (sandbox != null) {
            sandbox.stop();
        }
    }
}
