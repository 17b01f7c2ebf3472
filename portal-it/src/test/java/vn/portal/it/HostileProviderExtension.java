package vn.portal.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import vn.portal.it.provider.HostileProvider;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Starts the hostile provider before Arquillian deploys the portal (register this extension first),
 * so a portal that reads discovery at start-up finds it, hands it to the test class's static
 * {@link HostileProvider} field, and stops it after the class. A field rather than a parameter
 * because Arquillian's JUnit 5 extension fails on parameters it cannot resolve itself.
 */
public final class HostileProviderExtension implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HostileProviderExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        HostileProvider provider = HostileProvider.start(ItSettings.providerPort(), ItSettings.clientSecret(),
                ItSettings.redirectUri());
        context.getStore(NAMESPACE).put(HostileProvider.class, provider);
        Class<?> testClass = context.getRequiredTestClass();
        boolean injected = false;
        for (Field field : testClass.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == HostileProvider.class) {
                field.setAccessible(true);
                field.set(null, provider);
                injected = true;
            }
        }
        if (!injected) {
            provider.close();
            throw new IllegalStateException(testClass.getName() + " needs a static HostileProvider field");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        HostileProvider provider = context.getStore(NAMESPACE).remove(HostileProvider.class, HostileProvider.class);
        if (provider != null) {
            provider.close();
        }
    }
}
