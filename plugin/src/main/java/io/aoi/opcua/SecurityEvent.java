package io.aoi.opcua;

/** What a {@link SecurityLog} line records; {@link #code()} is the {@code event} field of the JSON line. */
public enum SecurityEvent {
    /** A user name and password were accepted. */
    LOGIN_OK("login-ok"),
    /** A password was checked and did not match (or the user name is unknown: the two are not told apart). */
    LOGIN_FAILED("login-failed"),
    /** A login was refused without checking the password: back-off after failures, or too many checks at once. */
    LOGIN_THROTTLED("login-throttled"),
    /** CreateSession refused: the client address (or the server) holds its maximum of sessions. */
    SESSION_REFUSED("session-refused"),
    /** A session whose connection was gone was closed to make room for a new one. */
    SESSION_EVICTED("session-evicted"),
    /** A call or write refused for the session's role (Bad_UserAccessDenied). */
    ACCESS_DENIED("access-denied"),
    /** A call of a method that changes the station (state machine, recipe), with its outcome. */
    METHOD_CALL("method-call"),
    /** A recipe field changed. */
    RECIPE_CHANGE("recipe-change"),
    /** The day's log reached its size budget; later events of the day are counted, not written. */
    LOG_FULL("log-full");

    private final String code;

    SecurityEvent(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
