/**
 * Key material the sandbox generates at first run and keeps in its data directory: the ID token signing keys
 * (with rotation) and owner-only file handling for them and the client secret.
 */
package vn.portal.sandbox.keys;
