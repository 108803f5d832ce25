package de.kuzmobil.api.system;

import java.util.List;

/** A well-formed request that cannot be done with the data as it is (HTTP 422), e.g. a week nobody works. */
public class UnprocessableException extends BadRequestException {

    public UnprocessableException(String message, List<ProblemHandler.FieldError> errors) {
        super(message, errors);
    }
}
