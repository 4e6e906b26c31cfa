package dev.wawpkit.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Marks a class of conformance tests: the extension, a tag, and a timeout that keeps a hung target from hanging the run. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ConformanceExtension.class)
@Tag("conformance")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
public @interface ConformanceSuite {
    /** The package the suite's classes live in. */
    String PACKAGE = "dev.wawpkit.conformance";
    /** Which classes in it are the suite: one per concern, such as {@code ErrorConformance}. */
    String CLASS_PATTERN = ".*[a-z]Conformance";
}
