/**
 * Demo citizens the sandbox can sign in as: the validated {@link vn.portal.sandbox.citizen.Citizen} value, the CSV
 * loader and the in-memory directory.
 */
package vn.portal.sandbox.citizen;
