package de.kuzmobil.api.system;

import org.springframework.http.HttpStatus;

/** A missing (428) or stale (412) If-Match: the client must re-read the plan before editing it. */
public class PreconditionException extends RuntimeException {

    private final HttpStatus status;

    public PreconditionException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
