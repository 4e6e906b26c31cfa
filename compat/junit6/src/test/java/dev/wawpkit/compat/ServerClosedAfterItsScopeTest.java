package dev.wawpkit.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wawpkit.mock.WawpMock;
import dev.wawpkit.mock.junit5.ServerScope;
import dev.wawpkit.mock.junit5.WawpMockTest;
import java.net.ConnectException;
import java.net.URI;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The server a test's scope started is stopped when the scope ends: JUnit 5.10 to 5.12 close the
 * extension's resources as CloseableResource, 5.13 and 6 as AutoCloseable; both must stop it.
 */
@WawpMockTest(scope = ServerScope.METHOD)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerClosedAfterItsScopeTest {
    private static volatile URI firstServer;

    @Test
    @Order(1)
    void theFirstTestHasAServer(WawpMock mock) throws Exception {
        firstServer = mock.baseUrl();

        assertThat(ExtensionOnThisJUnitTest.post(mock.baseUrl(), "/v2/session/create?access_token=" + mock.token())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    @Order(2)
    void itsServerIsStoppedWhenItEnds(WawpMock mock) {
        assertThat(firstServer).as("the first test ran first").isNotNull();
        assertThat(mock.baseUrl()).as("this test's own server").isNotEqualTo(firstServer);
        assertThatThrownBy(() -> ExtensionOnThisJUnitTest.post(firstServer, "/__admin/wawp/health"))
                .as("a call to the first test's server")
                .isInstanceOf(ConnectException.class);
    }
}
