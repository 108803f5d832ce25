package de.kuzmobil.api.system;

/** The request is fine but the resource's state forbids it now (e.g. publishing a plan still solving). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
