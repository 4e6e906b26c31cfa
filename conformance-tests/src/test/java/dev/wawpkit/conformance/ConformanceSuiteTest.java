package dev.wawpkit.conformance;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Runs the conformance suite (its classes live in src/main/java) under surefire: against the embedded
 * mock by default, or the target that -Dwawp.target / -Dwawp.baseUrl choose. The report goes to
 * target/conformance.
 */
@Suite
@SelectPackages(ConformanceSuite.PACKAGE)
@IncludeClassNamePatterns(ConformanceSuite.CLASS_PATTERN)
class ConformanceSuiteTest {}
