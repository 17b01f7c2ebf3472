/**
 * Use cases of sign-in, plain Java with constructor injection: recording a verified citizen, the audit
 * log, staff roles, the service catalogue and the cluster-wide session registry. The portal exposes them
 * as CDI beans; the CLI and tests construct them directly.
 */
package vn.portal.bridge.application;
