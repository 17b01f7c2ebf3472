package vn.portal.bridge.domain.model.link;

import java.text.Normalizer;

/** Argument checks shared by links and review items. */
final class Texts {

    private Texts() {
    }

    static String required(String value, int max, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return optional(value, max, what);
    }

    static String optional(String value, int max, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        if (text.length() > max) {
            throw new IllegalArgumentException(what + " has " + text.length() + " characters; at most " + max + " fit");
        }
        return text;
    }
}
