package de.kuzmobil.api.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The statuses an operation answers beyond its success and those its shape implies (400 and 500
 * always; 404 with path variables; 409 for changes; 413 and 415 with a body; 412 and 428 with
 * If-Match; 304 with If-None-Match): the API document lists each, errors with the problem schema.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AlsoAnswers {

    int[] value();
}
