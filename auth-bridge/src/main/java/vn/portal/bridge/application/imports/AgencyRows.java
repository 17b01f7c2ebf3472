package vn.portal.bridge.application.imports;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import vn.portal.bridge.domain.model.agency.Agency;
import vn.portal.bridge.domain.model.agency.AgencyKind;
import vn.portal.bridge.domain.model.legacy.UpsertCounts;

/** Rows of agencies.csv: {@code agency_code,name,kind,parent_code,supervisor}. */
final class AgencyRows implements RowHandler<Agency> {

    private static final int MAX_CODE = 32;
    private static final int MAX_TEXT = 300;

    private final ReferenceDataStore store;
    /** Stored codes plus codes accepted earlier in this file: a parent must come before its departments. */
    private final Set<String> known;

    AgencyRows(ReferenceDataStore store) {
        this.store = store;
        this.known = new HashSet<>(store.agencyCodes());
    }

    @Override
    public Agency map(CsvRow row) {
        String code = Fields.code("agency_code", row.get("agency_code"), MAX_CODE);
        String name = text("name", Fields.required("name", row.get("name")));
        String kindText = Fields.required("kind", row.get("kind"));
        AgencyKind kind;
        try {
            kind = AgencyKind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RowRejectedException("kind", RowErrorCode.UNKNOWN_AGENCY_KIND, "'" + kindText + "' is not MINISTRY or PROVINCE", kindText);
        }
        String parent = row.get("parent_code");
        if (parent != null) {
            if (parent.equals(code)) {
                throw new RowRejectedException("parent_code", RowErrorCode.OWN_PARENT, "an agency cannot be its own parent", parent);
            }
            if (!known.contains(parent)) {
                throw new RowRejectedException("parent_code", RowErrorCode.UNKNOWN_PARENT_AGENCY, "'" + parent
                        + "' is not a known agency; list the parent before its departments or import it first", parent);
            }
        }
        String supervisor = row.get("supervisor");
        Agency agency = new Agency(code, name, kind, parent, supervisor == null ? null : text("supervisor", supervisor));
        known.add(code);
        return agency;
    }

    @Override
    public UpsertCounts store(List<Agency> batch) {
        return store.upsertAgencies(batch);
    }

    private static String text(String column, String value) {
        if (value.length() > MAX_TEXT) {
            throw new RowRejectedException(column, RowErrorCode.TEXT_TOO_LONG, "has " + value.length() + " characters; at most " + MAX_TEXT + " fit",
                    Integer.toString(value.length()), Integer.toString(MAX_TEXT));
        }
        return value;
    }
}
