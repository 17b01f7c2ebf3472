/**
 * Database access outside any container: connection settings, Flyway migrations and the application-managed
 * (RESOURCE_LOCAL) EclipseLink persistence unit shared by the portal, the CLI and the tests.
 */
package vn.portal.bridge.infrastructure.persistence;
