package dev.wawpkit.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The body rate limit judges the sender, not the server: a body that is all there when a busy
 * worker gets to it is read, however late; a sender that drips bytes is refused 408.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class BodyRateTest {
    private long now;

    @Test
    void aSmallBodyReadLateByABusyWorkerIsNotRefused() throws Exception {
        byte[] body = "{\"endpoint\":\"create\",\"status\":502,\"format\":\"html\",\"times\":1}".getBytes();
        InputStream arrived = new InputStream() {
            private int next;

            @Override
            public int read() {
                now += TimeUnit.SECONDS.toNanos(3); // each byte is read 3 s after the last: a starved thread
                return next < body.length ? body[next++] : -1;
            }

            @Override
            public int available() {
                return body.length - next;
            }
        };

        assertThat(GatedHttpServerFactory.Bodies.readRated(arrived, body.length, () -> now))
                .isEqualTo(body);
    }

    @Test
    void aChunkedBodyThatEndsIsRead() throws Exception {
        InputStream chunked = new ByteArrayInputStream("{}".getBytes());

        assertThat(GatedHttpServerFactory.Bodies.readRated(chunked, -1, () -> now))
                .isEqualTo("{}".getBytes());
    }

    @Test
    void aSenderDrippingAByteEveryTwoSecondsIsRefused408() {
        InputStream dripping = new InputStream() {
            @Override
            public int read() {
                now += TimeUnit.SECONDS.toNanos(2);
                return ' ';
            }

            @Override
            public int available() {
                return 0; // nothing waiting: the sender, not the reader, is slow
            }
        };

        assertThatThrownBy(() -> GatedHttpServerFactory.Bodies.readRated(dripping, 100_000, () -> now))
                .isInstanceOfSatisfying(ApiError.Rejected.class, r -> {
                    assertThat(r.error.status()).isEqualTo(408);
                    assertThat(r.error.code()).isEqualTo("request_timeout");
                });
    }
}
