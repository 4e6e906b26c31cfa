package dev.wawpkit.contracts.provider;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.FileSource;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.provider.ConsumerInfo;
import au.com.dius.pact.provider.ProviderInfo;
import au.com.dius.pact.provider.ProviderVerifier;
import au.com.dius.pact.provider.VerificationFailureType;
import au.com.dius.pact.provider.VerificationResult;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Predicate;

/**
 * Verifies a pact file against a running provider with Pact JVM's plain {@link ProviderVerifier},
 * outside JUnit, the way Pact's Maven and Gradle plugins and the standalone verifiers do: provider
 * states go to a state-change URL as {@code {"state", "params", "action"}}, setup and teardown.
 *
 * <p>Against the mock, pass its {@code /__admin/wawp/provider-states} endpoint; pass null to skip
 * provider states (Pact then only warns). Not thread-safe; build one per verification.
 */
public final class StateChangeUrlVerification {
    private final ProviderInfo provider = new ProviderInfo("wawp-api");

    /**
     * Targets the provider at {@code http://host:port}.
     *
     * @param stateChangeUrl the provider-state endpoint, or null for none
     */
    public StateChangeUrlVerification(String host, int port, URI stateChangeUrl) {
        provider.setHost(host);
        provider.setPort(port);
        if (stateChangeUrl != null) {
            try {
                provider.setStateChangeUrl(stateChangeUrl.toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("Expected an http URL, but got " + stateChangeUrl, e);
            }
            provider.setStateChangeTeardown(true);
        }
    }

    /**
     * Targets the mock, with its provider-state endpoint as the state-change URL.
     */
    public static StateChangeUrlVerification ofMock(URI mockBaseUrl) {
        return new StateChangeUrlVerification(
                mockBaseUrl.getHost(), mockBaseUrl.getPort(), mockBaseUrl.resolve(MockProviderStates.PATH));
    }

    /**
     * Verifies the selected interactions of a pact file and returns one line per failure, each
     * naming its interaction; an empty list means every selected interaction passed.
     */
    public List<String> verify(Path pactFile, Predicate<Interaction> which) {
        ConsumerInfo consumer = new ConsumerInfo(pactFile.getFileName().toString());
        consumer.setPactSource(new FileSource(pactFile.toFile()));
        ProviderVerifier verifier = new ProviderVerifier();
        verifier.setReporters(List.of()); // failures are returned, not printed to the console
        List<String> failures = new ArrayList<>();
        Pact pact = DefaultPactReader.INSTANCE.loadPact(pactFile.toFile());
        for (Object each : pact.getInteractions()) {
            Interaction interaction = (Interaction) each;
            if (!which.test(interaction)) {
                continue;
            }
            VerificationResult result =
                    verifier.verifyInteraction(provider, consumer, new HashMap<>(), interaction, pact, null);
            if (result instanceof VerificationResult.Failed failed) {
                failed.getFailures().values().stream()
                        .flatMap(List::stream)
                        .map(VerificationFailureType::description)
                        .forEach(d -> failures.add("'" + interaction.getDescription() + "': " + d));
                if (failed.getFailures().isEmpty()) {
                    failures.add("'" + interaction.getDescription() + "': " + failed.getDescription());
                }
            }
        }
        return failures;
    }

    /** Verifies every interaction of a pact file; see {@link #verify(Path, Predicate)}. */
    public List<String> verify(Path pactFile) {
        return verify(pactFile, interaction -> true);
    }
}
