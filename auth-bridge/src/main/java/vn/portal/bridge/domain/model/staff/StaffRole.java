package vn.portal.bridge.domain.model.staff;

/** What a staff grant allows. */
public enum StaffRole {
    /** Runs the portal (admin console); not tied to an agency. */
    ADMINISTRATOR,
    /** Works for one agency (agency console); a grant names the agency. */
    AGENCY_OFFICER;

    /** True when a grant of this role must name an agency. */
    public boolean requiresAgency() {
        return this == AGENCY_OFFICER;
    }
}
