package dev.wawpkit.mock;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the public API boundary: public signatures in {@code dev.wawpkit.mock} use JDK types and
 * our own, never WireMock, Jackson or {@code .internal} types (the one escape hatch excepted).
 */
class PublicApiTest {

    @Test
    void publicSignaturesUseOnlyJdkAndOwnPublicTypes() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : publicApiClasses()) {
            for (Method m : type.getMethods()) {
                if (m.getDeclaringClass() != type || (type == WawpMockServer.class && m.getName().equals("wireMock"))) {
                    continue;
                }
                List<Type> used = new ArrayList<>(List.of(m.getGenericParameterTypes()));
                used.add(m.getGenericReturnType());
                for (Type t : used) {
                    String name = t.getTypeName();
                    if (name.contains("tomakehurst") || name.contains("fasterxml") || name.contains(".internal.")
                            || name.contains("wiremock.")) {
                        leaks.add(type.getSimpleName() + "." + m.getName() + " uses " + name);
                    }
                }
            }
        }
        assertThat(leaks).as("public API leaks").isEmpty();
    }

    @Test
    void theCoreDoesNotDependOnJunit() throws Exception {
        for (Class<?> type : publicApiClasses()) {
            for (Method m : type.getDeclaredMethods()) {
                assertThat(m.toGenericString()).doesNotContain("org.junit");
            }
        }
    }

    private static List<Class<?>> publicApiClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(WawpMockServer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/wawpkit/mock");
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                Class<?> c = Class.forName("dev.wawpkit.mock." + f.getFileName().toString().replace(".class", ""));
                if (Modifier.isPublic(c.getModifiers())) {
                    out.add(c);
                }
            }
        }
        assertThat(out).as("public API classes found").contains(WawpMockServer.class, Fault.class);
        return out;
    }
}
