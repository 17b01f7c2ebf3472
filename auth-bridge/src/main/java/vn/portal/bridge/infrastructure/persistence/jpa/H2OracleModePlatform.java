package vn.portal.bridge.infrastructure.persistence.jpa;

import org.eclipse.persistence.platform.database.H2Platform;

/**
 * EclipseLink's H2 platform for an H2 database in MODE=Oracle. The stock platform appends
 * {@code LIMIT ? OFFSET ?} to paged queries, which H2 refuses in Oracle mode; turning row-number
 * filtering off makes EclipseLink page through JDBC ({@code Statement.setMaxRows} and skipping) instead,
 * which every mode accepts.
 */
public class H2OracleModePlatform extends H2Platform {

    private static final long serialVersionUID = 1L;

    public H2OracleModePlatform() {
        setShouldUseRownumFiltering(false);
    }
}
