package dev.wawpkit.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Links a conformance test to the one documented behaviour it shows; the report row is keyed by it. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Covers {
    /** Returns the behaviour this test shows. */
    Behaviour value();
}
