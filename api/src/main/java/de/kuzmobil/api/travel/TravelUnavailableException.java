package de.kuzmobil.api.travel;

/** Travel times cannot be given now: the road graph is loading or failed to load (HTTP 503). */
public class TravelUnavailableException extends RuntimeException {

    public TravelUnavailableException(String message) {
        super(message);
    }
}
