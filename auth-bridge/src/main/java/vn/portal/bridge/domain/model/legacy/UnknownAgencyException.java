package vn.portal.bridge.domain.model.legacy;

/** Thrown when accounts name an agency that has not been imported (agencies.csv comes first). */
public final class UnknownAgencyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String agencyCode;

    public UnknownAgencyException(String agencyCode) {
        super("agency '" + agencyCode + "' is not known; import it from agencies.csv first");
        this.agencyCode = agencyCode;
    }

    public String agencyCode() {
        return agencyCode;
    }
}
