package dev.wawpkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.ReflectionSupport;

/** Guards the catalogue: one test per behaviour, none for the behaviours listed as not covered yet. */
class CatalogueTest {

    private static List<Behaviour> covered() {
        List<Behaviour> covered = new ArrayList<>();
        for (Class<?> c : ReflectionSupport.findAllClassesInPackage(ConformanceRun.PACKAGE,
                c -> c.getName().matches(ConformanceRun.CLASS_PATTERN), n -> true)) {
            assertThat(c).as(c.getName()).hasAnnotation(ConformanceSuite.class);
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Covers.class)) {
                    covered.add(m.getAnnotation(Covers.class).value());
                }
            }
        }
        return covered;
    }

    @Test
    void everyBehaviourHasExactlyOneTestExceptThoseNotCoveredYet() {
        List<Behaviour> expected = Arrays.stream(Behaviour.values()).filter(b -> b.need() != Need.LATER).toList();

        assertThat(covered()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everySkippableBehaviourSaysWhy() {
        assertThat(Behaviour.values()).filteredOn(b -> b.need() == Need.CONTROL_API || b.need() == Need.OWN_SESSION || b.need() == Need.LATER)
                .allSatisfy(b -> assertThat(b.notProvokableReason()).as(b.id()).isPresent());
    }

    @Test
    void idsAreStableAndUnique() {
        assertThat(Behaviour.START_400_XML.id()).isEqualTo("start-400-xml");
        assertThat(Arrays.stream(Behaviour.values()).map(Behaviour::id)).doesNotHaveDuplicates();
    }
}
