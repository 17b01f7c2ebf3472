package vn.portal.e2e;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Gives every scenario its own fresh {@link Chromium} (injected into the test's non-static {@code Chromium}
 * field: Arquillian's JUnit 5 extension refuses parameters it cannot resolve itself), saves a screenshot and the
 * page source into {@code target/e2e-screenshots} when the scenario fails, and closes the browser afterwards.
 * Register it first: its class-level check fails the suite on a machine without Chromium before a minute is spent
 * deploying the portal.
 */
public final class BrowserExtension implements BeforeAllCallback, BeforeEachCallback, AfterTestExecutionCallback,
        AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Chromium.requireInstalled();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        String name = scenarioName(context);
        PhoneViewport phone = context.getRequiredTestMethod().getAnnotation(PhoneViewport.class);
        Chromium browser = Chromium.start(name, phone == null ? null : new Chromium.Viewport(phone.width(), phone.height()));
        context.getStore(NAMESPACE).put(Chromium.class, browser);
        Object instance = context.getRequiredTestInstance();
        for (Field field : instance.getClass().getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && field.getType() == Chromium.class) {
                field.setAccessible(true);
                field.set(instance, browser);
                return;
            }
        }
        browser.close();
        throw new IllegalStateException(instance.getClass().getName() + " needs a non-static Chromium field");
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Chromium browser = context.getStore(NAMESPACE).get(Chromium.class, Chromium.class);
        if (browser != null && context.getExecutionException().isPresent()) {
            browser.saveEvidence(E2eSettings.screenshotDir(), scenarioName(context));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Chromium browser = context.getStore(NAMESPACE).remove(Chromium.class, Chromium.class);
        if (browser != null) {
            browser.close();
        }
    }

    private static String scenarioName(ExtensionContext context) {
        return context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
    }
}
