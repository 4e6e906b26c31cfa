package dev.wawpkit.contracts.provider;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Verifies the mock server, as provider {@code wawp-api}, against the committed pacts in
 * {@code contracts/pacts} with Pact's JUnit 5 support, setting every provider state up through the
 * mock's HTTP endpoint.
 *
 * <p>Runs in the {@code check-pacts} surefire execution, after {@code CommittedPactsAreCurrentTest}
 * may have updated the pacts, so an update is verified in the same build.
 */
@Provider("wawp-api")
@PactFolder("${wawp.pacts.committed:pacts}")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MockHonoursCommittedPactsTest extends MockProviderVerification {}
