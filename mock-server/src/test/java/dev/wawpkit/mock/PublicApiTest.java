package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

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
                if (m.getDeclaringClass() != type
                        || (type == WawpMockServer.class && m.getName().equals("wireMock"))) {
                    continue;
                }
                List<Type> used = new ArrayList<>(List.of(m.getGenericParameterTypes()));
                used.add(m.getGenericReturnType());
                for (Type t : used) {
                    String name = t.getTypeName();
                    if (name.contains("tomakehurst")
                            || name.contains("fasterxml")
                            || name.contains(".internal.")
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

    /**
     * The public API is listed in {@code api/public-api.txt}; a change to it must change the list in
     * the same commit, so it is seen in review. Rewrite the list with {@code -Dwawp.api.update=true}.
     */
    @Test
    void theCheckedInListOfThePublicApiMatchesTheCode() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String pkg : List.of("dev/wawpkit/mock", "dev/wawpkit/mock/junit5", "dev/wawpkit/mock/assertj")) {
            for (Class<?> c : publicClassesIn(pkg)) {
                describe(c, lines);
            }
        }
        Path list = Path.of("api/public-api.txt");
        String actual = String.join("\n", lines) + "\n";
        if (Boolean.getBoolean("wawp.api.update")) {
            Files.createDirectories(list.getParent());
            Files.writeString(list, actual);
        }
        List<String> expected = Files.exists(list) ? Files.readAllLines(list) : List.of();
        List<String> added = lines.stream().filter(l -> !expected.contains(l)).toList();
        List<String> removed = expected.stream().filter(l -> !lines.contains(l)).toList();
        assertThat(added)
                .as(
                        "public API in the code but not in %s (rewrite it with -Dwawp.api.update=true "
                                + "if the change is meant)",
                        list)
                .isEmpty();
        assertThat(removed)
                .as("public API in %s but no longer in the code", list)
                .isEmpty();
    }

    private static void describe(Class<?> c, List<String> out) {
        out.add(Modifier.toString(
                        c.getModifiers() & (Modifier.PUBLIC | Modifier.ABSTRACT | Modifier.FINAL | Modifier.STATIC))
                + (c.isInterface() ? " interface " : c.isEnum() ? " enum " : c.isRecord() ? " record " : " class ")
                + c.getName());
        List<String> members = new ArrayList<>();
        for (var k : c.getDeclaredConstructors()) {
            if (Modifier.isPublic(k.getModifiers())) {
                members.add("  " + k.toGenericString());
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                members.add("  " + m.toGenericString());
            }
        }
        for (var f : c.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers())) {
                members.add("  " + f.toGenericString());
            }
        }
        members.sort(null);
        out.addAll(members);
        Arrays.stream(c.getDeclaredClasses())
                .filter(n -> Modifier.isPublic(n.getModifiers()))
                .sorted(Comparator.comparing(Class::getName))
                .forEach(n -> describe(n, out));
    }

    private static List<Class<?>> publicClassesIn(String pkg) throws Exception {
        Path dir = Path.of(WawpMockServer.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .resolve(pkg);
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")
                            && !p.getFileName().toString().contains("$"))
                    .sorted()
                    .toList()) {
                Class<?> c = Class.forName(
                        pkg.replace('/', '.') + "." + f.getFileName().toString().replace(".class", ""));
                if (Modifier.isPublic(c.getModifiers())) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static List<Class<?>> publicApiClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(WawpMockServer.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .resolve("dev/wawpkit/mock");
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                Class<?> c = Class.forName(
                        "dev.wawpkit.mock." + f.getFileName().toString().replace(".class", ""));
                if (Modifier.isPublic(c.getModifiers())) {
                    out.add(c);
                }
            }
        }
        assertThat(out).as("public API classes found").contains(WawpMockServer.class, Fault.class);
        return out;
    }
}
