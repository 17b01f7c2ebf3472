package vn.portal.sandbox.citizen;

import java.util.Set;

/**
 * The 63 province codes of Circular 07/2016/TT-BCA that open a personal ID. Numbers issued before the 2025
 * province merger keep their code, so the list does not change with it.
 */
final class ProvinceCodes {

    private static final Set<String> CODES = Set.of(
            "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022",
            "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042",
            "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066",
            "067", "068", "070", "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087",
            "089", "091", "092", "093", "094", "095", "096");

    private ProvinceCodes() {
    }

    static boolean isKnown(String code) {
        return CODES.contains(code);
    }
}
