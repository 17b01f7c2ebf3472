package vn.portal.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import vn.portal.it.provider.HostileProvider;

/**
 * Starts the hostile provider before Arquillian deploys the portal (register this extension first),
 * so a portal that reads discovery at start-up finds it, and stops it after the class.
 */
public final class HostileProviderExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HostileProviderExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        HostileProvider provider = HostileProvider.start(ItSettings.providerPort(), ItSettings.clientSecret(),
                ItSettings.redirectUri());
        context.getStore(NAMESPACE).put(HostileProvider.class, provider);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        HostileProvider provider = context.getStore(NAMESPACE).remove(HostileProvider.class, HostileProvider.class);
        if (provider != null) {
            provider.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == HostileProvider.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(HostileProvider.class, HostileProvider.class);
    }
}
