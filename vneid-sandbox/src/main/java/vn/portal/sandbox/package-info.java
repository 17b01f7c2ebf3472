/**
 * The development VNeID-style OpenID provider: {@link vn.portal.sandbox.SandboxConfig} (environment, system
 * properties or builder), {@link vn.portal.sandbox.SandboxServer} (start, stop, key rotation; one instance per
 * port, nothing static) and {@link vn.portal.sandbox.SandboxMain} (the runnable jar). For development, demos and
 * tests only; it never ships in the production EAR.
 */
package vn.portal.sandbox;
