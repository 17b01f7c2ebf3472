package vn.portal.bridge.domain.model.session;

/** Why a portal session ended. */
public enum SessionEndReason {
    /** The user pressed "log out" (RP-initiated logout). */
    SIGNED_OUT,
    /** The provider sent an OpenID Back-Channel Logout 1.0 logout token for its sid or sub. */
    BACKCHANNEL_LOGOUT,
    /** No request within the idle timeout. */
    IDLE_TIMEOUT,
    /** A new sign-in (e.g. a step-up to level 2) replaced it. */
    REPLACED,
    /** Ended by an administrator or an operator. */
    ADMINISTRATIVE
}
