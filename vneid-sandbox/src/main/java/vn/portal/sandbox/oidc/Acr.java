package vn.portal.sandbox.oidc;

import java.util.List;

/** The VNeID assurance levels as Authentication Context Class References (OpenID Connect Core 1.0 §2, acr). */
final class Acr {

    static final String LOA1 = "urn:vneid:loa:1";
    static final String LOA2 = "urn:vneid:loa:2";
    static final List<String> SUPPORTED = List.of(LOA1, LOA2);

    private Acr() {
    }

    static String forLevel(int level) {
        return level >= 2 ? LOA2 : LOA1;
    }

    /**
     * The minimum account level an authorization request asks for. OpenID Connect Core 1.0 §3.1.2.1 lists
     * {@code acr_values} in order of preference, each acceptable; the sandbox treats the request as satisfied by
     * the lowest level listed, so {@code urn:vneid:loa:2} alone demands level 2. Unknown values are ignored, as
     * acr_values is a voluntary request unless the claims parameter marks it essential.
     */
    static int requiredLevel(List<String> acrValues) {
        if (acrValues == null || acrValues.isEmpty()) {
            return 1;
        }
        int min = Integer.MAX_VALUE;
        for (String v : acrValues) {
            if (LOA1.equals(v)) {
                min = Math.min(min, 1);
            } else if (LOA2.equals(v)) {
                min = Math.min(min, 2);
            }
        }
        return min == Integer.MAX_VALUE ? 1 : min;
    }
}
