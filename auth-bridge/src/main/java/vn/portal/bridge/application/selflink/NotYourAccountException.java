package vn.portal.bridge.application.selflink;

/**
 * The request named a legacy account or link the citizen may not see: not linked to them, not suggested to
 * them, or nonexistent. The message is the same in every case, so a changed id reveals nothing.
 */
public final class NotYourAccountException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotYourAccountException(String what, long id) {
        super(what + " " + id + " is not visible to the requesting citizen");
    }
}
