package vn.portal.bridge.application.imports;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import vn.portal.bridge.domain.model.identity.AssuranceLevel;
import vn.portal.bridge.domain.model.identity.InvalidAssuranceLevelException;
import vn.portal.bridge.domain.model.legacy.UpsertCounts;
import vn.portal.bridge.domain.model.service.PublicService;

/** Rows of services.csv: {@code service_code,agency_code,name,min_level,vneid_integrated,integrated_on}. */
final class ServiceRows implements RowHandler<PublicService> {

    private static final int MAX_CODE = 32;
    private static final int MAX_NAME = 500;

    private final ReferenceDataStore store;
    private final Set<String> agencies;

    ServiceRows(ReferenceDataStore store) {
        this.store = store;
        this.agencies = store.agencyCodes();
    }

    @Override
    public PublicService map(CsvRow row) {
        String code = Fields.code("service_code", row.get("service_code"), MAX_CODE);
        String agency = Fields.code("agency_code", row.get("agency_code"), MAX_CODE);
        if (!agencies.contains(agency)) {
            throw new RowRejectedException("agency_code", RowErrorCode.UNKNOWN_AGENCY,
                    "agency '" + agency + "' is not known; import it from agencies.csv first", agency);
        }
        String name = Fields.required("name", row.get("name"));
        if (name.length() > MAX_NAME) {
            throw new RowRejectedException("name", RowErrorCode.TEXT_TOO_LONG, "has " + name.length() + " characters; at most " + MAX_NAME + " fit",
                    Integer.toString(name.length()), Integer.toString(MAX_NAME));
        }
        String levelText = Fields.required("min_level", row.get("min_level"));
        AssuranceLevel level;
        try {
            level = AssuranceLevel.parse(levelText);
        } catch (InvalidAssuranceLevelException e) {
            throw new RowRejectedException("min_level", RowErrorCode.BAD_ASSURANCE_LEVEL, e.getMessage(), levelText);
        }
        boolean integrated = Fields.flag("vneid_integrated", row.get("vneid_integrated"));
        LocalDate integratedOn = Fields.date("integrated_on", row.get("integrated_on"));
        if (integrated && integratedOn == null) {
            throw new RowRejectedException("integrated_on", RowErrorCode.INTEGRATION_DATE_MISSING,
                    "is empty but vneid_integrated is true; give the date of integration");
        }
        if (!integrated && integratedOn != null) {
            throw new RowRejectedException("integrated_on", RowErrorCode.INTEGRATION_DATE_UNEXPECTED, "is set but vneid_integrated is false");
        }
        return new PublicService(code, agency, name, level, integrated, integratedOn);
    }

    @Override
    public UpsertCounts store(List<PublicService> batch) {
        return store.upsertServices(batch);
    }
}
