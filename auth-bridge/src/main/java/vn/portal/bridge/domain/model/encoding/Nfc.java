package vn.portal.bridge.domain.model.encoding;

import java.text.Normalizer;

/** NFC normalisation that skips the copy when the text is already normalised (the common case). */
final class Nfc {

    private Nfc() {
    }

    static String of(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
