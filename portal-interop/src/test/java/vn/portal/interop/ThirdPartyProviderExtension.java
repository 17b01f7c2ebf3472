package vn.portal.interop;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Starts the third-party provider before Arquillian deploys the portal (register this extension first), hands it
 * to the test class's static {@link ThirdPartyProvider} field and stops it after the class. A field rather than a
 * parameter because Arquillian's JUnit 5 extension fails on parameters it cannot resolve itself.
 */
public final class ThirdPartyProviderExtension implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ThirdPartyProviderExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        Class<?> testClass = context.getRequiredTestClass();
        Field target = null;
        for (Field field : testClass.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == ThirdPartyProvider.class) {
                target = field;
            }
        }
        if (target == null) {
            throw new IllegalStateException(testClass.getName() + " needs a static ThirdPartyProvider field");
        }
        ThirdPartyProvider provider = ThirdPartyProvider.start(InteropSettings.providerPort(), InteropSettings.issuerId(),
                ProviderCitizen.NGUYEN_VAN_AN);
        context.getStore(NAMESPACE).put(ThirdPartyProvider.class, provider);
        target.setAccessible(true);
        target.set(null, provider);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ThirdPartyProvider provider = context.getStore(NAMESPACE).remove(ThirdPartyProvider.class, ThirdPartyProvider.class);
        if (provider != null) {
            provider.close();
        }
    }
}
