package vn.portal.bridge.domain.model.agency;

/** Level of government an agency belongs to. */
public enum AgencyKind {
    /** A ministry or a ministry-level central agency (e.g. Bộ Công an, Bảo hiểm xã hội Việt Nam). */
    MINISTRY,
    /** A provincial people's committee or one of its departments (e.g. Sở Tư pháp Hà Nội). */
    PROVINCE
}
