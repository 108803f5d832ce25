package de.kuzmobil.api.system;

/** More than this service takes in one request (HTTP 413): the message says the limit. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
