/**
 * Browser end-to-end tests: Debian's Chromium, driven by Selenium, signs citizens in to the real portal WAR on
 * Payara Micro through an in-process {@code vneid-sandbox} provider, the way a tester would by hand. Fixed loopback
 * ports come from failsafe (pom.xml); nothing here listens beyond 127.0.0.1.
 */
package vn.portal.e2e;
