package vn.portal.bench;

/** The five HTTP exchanges of one complete sign-in, in order. */
enum SignInStep {
    LOGIN("GET portal /login"),
    AUTHORIZE("GET provider /authorize (picker)"),
    DECISION("POST provider /authorize/decision"),
    CALLBACK("GET portal /callback"),
    DASHBOARD("GET portal /dashboard");

    final String label;

    SignInStep(String label) {
        this.label = label;
    }
}
