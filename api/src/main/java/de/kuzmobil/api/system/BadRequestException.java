package de.kuzmobil.api.system;

import java.util.List;

/** Input that passed parsing but breaks a rule; lists every offending field or row. */
public class BadRequestException extends RuntimeException {

    private final List<ProblemHandler.FieldError> errors;

    public BadRequestException(String message, List<ProblemHandler.FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<ProblemHandler.FieldError> errors() {
        return errors;
    }
}
