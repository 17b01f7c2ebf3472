/**
 * JPA implementations of the domain repositories, attribute converters for the identity value objects,
 * and the transaction helper. Every class takes an EntityManagerFactory and works without CDI, so the
 * portal (as CDI producers), the CLI and plain JUnit tests share them.
 */
package vn.portal.bridge.infrastructure.persistence.jpa;
