/**
 * Interoperability tests: the real portal WAR on Payara Micro signs a citizen in through NAV's
 * mock-oauth2-server, an OpenID provider this project did not write, which names its identity claims
 * differently from VNeID ({@code SoDinhDanh}, {@code HoVaTen}, ...). The only thing adapting the portal to it is
 * configuration ({@code PORTAL_OIDC_*} in this module's pom.xml): issue 2's "any standards-compliant provider works
 * by configuration alone", checked on every build.
 */
package vn.portal.interop;
