package vn.portal.bridge.domain.model.matching;

/** A strict RFC 8259 syntax check for the tests, so evidence JSON is proven parseable without a JSON library. */
final class JsonSyntax {

    private final String text;
    private int at;

    private JsonSyntax(String text) {
        this.text = text;
    }

    static boolean isValid(String text) {
        JsonSyntax parser = new JsonSyntax(text);
        try {
            parser.value();
            parser.whitespace();
            return parser.at == text.length();
        } catch (IllegalStateException | StringIndexOutOfBoundsException e) {
            return false;
        }
    }

    private void value() {
        whitespace();
        char c = text.charAt(at);
        switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void object() {
        at++;
        whitespace();
        if (text.charAt(at) == '}') {
            at++;
            return;
        }
        while (true) {
            whitespace();
            string();
            whitespace();
            expect(':');
            value();
            whitespace();
            if (text.charAt(at) == ',') {
                at++;
            } else {
                expect('}');
                return;
            }
        }
    }

    private void array() {
        at++;
        whitespace();
        if (text.charAt(at) == ']') {
            at++;
            return;
        }
        while (true) {
            value();
            whitespace();
            if (text.charAt(at) == ',') {
                at++;
            } else {
                expect(']');
                return;
            }
        }
    }

    private void string() {
        expect('"');
        while (true) {
            char c = text.charAt(at++);
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                throw new IllegalStateException("raw control character in string");
            }
            if (c == '\\') {
                char e = text.charAt(at++);
                if (e == 'u') {
                    for (int i = 0; i < 4; i++) {
                        if (Character.digit(text.charAt(at++), 16) < 0) {
                            throw new IllegalStateException("bad \\u escape");
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    throw new IllegalStateException("bad escape");
                }
            }
        }
    }

    private void number() {
        int start = at;
        if (text.charAt(at) == '-') {
            at++;
        }
        if (text.charAt(at) == '0') {
            at++;
        } else {
            digits();
        }
        if (at < text.length() && text.charAt(at) == '.') {
            at++;
            digits();
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            at++;
            if (text.charAt(at) == '+' || text.charAt(at) == '-') {
                at++;
            }
            digits();
        }
        if (at == start) {
            throw new IllegalStateException("not a value");
        }
    }

    private void digits() {
        int start = at;
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        if (at == start) {
            throw new IllegalStateException("digit expected");
        }
    }

    private void literal(String word) {
        if (!text.startsWith(word, at)) {
            throw new IllegalStateException("bad literal");
        }
        at += word.length();
    }

    private void expect(char c) {
        if (text.charAt(at) != c) {
            throw new IllegalStateException("expected " + c);
        }
        at++;
    }

    private void whitespace() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }
}
