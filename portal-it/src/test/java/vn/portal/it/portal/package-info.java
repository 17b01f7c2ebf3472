/**
 * Test-side views of the portal under test: a cookie-keeping HTTP client that walks the sign-in
 * redirects without a browser, the error page it renders, and the audit trail it writes.
 */
package vn.portal.it.portal;
