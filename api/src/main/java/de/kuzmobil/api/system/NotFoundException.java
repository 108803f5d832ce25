package de.kuzmobil.api.system;

/** A path names a resource that does not exist; becomes a 404 problem naming it. */
public class NotFoundException extends RuntimeException {

    private final String resource;
    private final Object id;

    public NotFoundException(String resource, Object id) {
        super("no " + resource + " with id " + id);
        this.resource = resource;
        this.id = id;
    }

    /** A booking is found by its code, which is never repeated back. */
    public static NotFoundException bookingCode() {
        return new NotFoundException("booking", "code", "no booking with this code");
    }

    private NotFoundException(String resource, Object id, String message) {
        super(message);
        this.resource = resource;
        this.id = id;
    }

    public String resource() {
        return resource;
    }

    public Object id() {
        return id;
    }
}
