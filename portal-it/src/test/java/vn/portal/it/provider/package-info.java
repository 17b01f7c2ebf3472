/**
 * A deliberately misbehaving OpenID provider for the conformance suite. Each test describes the
 * single way the provider lies ({@link vn.portal.it.provider.ProviderCase}); everything else stays
 * honest, so a rejection can only come from the check under test.
 */
package vn.portal.it.provider;
