package de.kuzmobil.api.system;

/** The caller's role may use the operation, but not on this object (a team lead on another team's tour). */
public class ForbiddenException extends RuntimeException {

    private final String field;

    public ForbiddenException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
