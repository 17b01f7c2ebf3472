package vn.portal.bridge.domain.model.link;

/** OPEN until a reviewer either links the account (RESOLVED_LINKED) or decides it links to nobody offered (RESOLVED_REJECTED). */
public enum ReviewStatus {
    OPEN,
    RESOLVED_LINKED,
    RESOLVED_REJECTED
}
