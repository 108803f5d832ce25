package de.kuzmobil.api.system;

import de.kuzmobil.api.travel.TravelUnavailableException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 9457 problem document that names the field or row at fault, and never a
 * stack trace or SQL text.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** One offending field (or CSV row/column) in a problem's {@code errors} list. */
    public record FieldError(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        // a value that could not be converted says only that: the converter's message names Java types
        List<FieldError> errors = ex.getBindingResult().getAllErrors().stream().map(e -> e
                instanceof org.springframework.validation.FieldError fe
                ? new FieldError(fe.getField(), fe.isBindingFailure() ? "invalid value" : fe.getDefaultMessage())
                : new FieldError(e.getObjectName(), e.getDefaultMessage())).toList();
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The request has " + errors.size() + " invalid field(s): "
                        + String.join(", ", errors.stream().map(FieldError::field).toList()));
        p.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(p);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            if (t instanceof RequestBodies.Refused refused) {
                return ResponseEntity.status(refused.status).body(problem(refused.status,
                        refused.status == HttpStatus.CONTENT_TOO_LARGE ? "Body too large" : "Unsupported charset",
                        refused.getMessage()));
            }
        }
        // Jackson's message names the property path and the expected type, but may quote input: keep it short
        String detail = "Malformed JSON or a value of the wrong type";
        String field = JsonErrors.fieldOf(ex);
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Unreadable request body",
                field == null ? detail : detail + " at '" + field + "'");
        if (field != null) {
            String expected = JsonErrors.expectedOf(ex);
            p.setProperty("errors", List.of(new FieldError(field,
                    expected == null ? "wrong type or malformed value" : expected)));
        }
        return ResponseEntity.badRequest().body(p);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid parameter",
                "Parameter '" + ex.getName() + "' has an invalid value");
        p.setProperty("errors", List.of(new FieldError(ex.getName(), "invalid value")));
        return p;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException ex) {
        ProblemDetail p = problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
        p.setProperty("errors", List.of("code".equals(ex.id()) ? new FieldError("code", ex.getMessage())
                : new FieldError(ex.resource() + "Id", "unknown id " + ex.id())));
        return p;
    }

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException ex) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage());
        p.setProperty("errors", ex.errors());
        return p;
    }

    @ExceptionHandler(UnprocessableException.class)
    ProblemDetail unprocessable(UnprocessableException ex) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Cannot be done with the data as it is",
                ex.getMessage());
        p.setProperty("errors", ex.errors());
        return p;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException ex) {
        return problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException ex) {
        ProblemDetail p = problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
        p.setProperty("errors", List.of(new FieldError(ex.field(), ex.getMessage())));
        return p;
    }

    @ExceptionHandler(PreconditionException.class)
    ProblemDetail precondition(PreconditionException ex) {
        ProblemDetail p = problem(ex.status(), ex.status() == HttpStatus.PRECONDITION_REQUIRED
                ? "Precondition required" : "Precondition failed", ex.getMessage());
        p.setProperty("errors", List.of(new FieldError("If-Match", ex.getMessage())));
        return p;
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException ex) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(problem(HttpStatus.CONTENT_TOO_LARGE, "Body too large", ex.getMessage()));
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException ex) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", ex.getMessage()));
    }

    @ExceptionHandler(TravelUnavailableException.class)
    ResponseEntity<ProblemDetail> travelUnavailable(TravelUnavailableException ex) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Road graph not ready", ex.getMessage()));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException ex) {
        // the database refused the write: report which rule, not the SQL
        log.info("Rejected by the database: {}", ex.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "Conflicts with stored data",
                "The change conflicts with stored data (a duplicate name, an id still in use, or a rule of the schema)");
    }

    /**
     * Anything unforeseen: logged in full here under a reference that the client's problem document
     * carries, and nothing else of it to the client.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex) throws Exception {
        if (ex instanceof org.springframework.security.access.AccessDeniedException
                || ex instanceof org.springframework.security.core.AuthenticationException) {
            throw ex; // Spring Security answers these (401/403)
        }
        String reference = reference();
        log.error("Unexpected error, reference {}", reference, ex);
        ProblemDetail p = problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request could not be completed; the error is logged under reference " + reference);
        p.setProperty("reference", reference);
        return p;
    }

    /** A short random reference that ties a client's problem to the log line with the details. */
    public static String reference() {
        return java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }

}
