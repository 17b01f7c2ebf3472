/**
 * Integration tests that deploy the real portal WAR on Payara Micro and drive it over HTTP: the
 * hostile-provider conformance suite (named after the OpenID Foundation's relying-party tests) and
 * the provider-outage checks.
 */
package vn.portal.it;
