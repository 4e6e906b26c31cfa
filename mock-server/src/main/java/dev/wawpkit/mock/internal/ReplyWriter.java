package dev.wawpkit.mock.internal;

import dev.wawpkit.mock.Fault;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import wiremock.jakarta.servlet.AsyncContext;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.server.Request;

/**
 * Writes every answer of the API: the one place a {@link Reply} becomes bytes on the socket.
 *
 * <p>A delayed answer or socket fault never holds a server thread while it waits: the request is
 * put in async mode and, when the delay is over, a scheduler thread hands it back to a server
 * thread to finish.
 */
final class ReplyWriter {
    private final ScheduledExecutorService scheduler;

    ReplyWriter(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    void write(HttpServletRequest req, HttpServletResponse res, Reply reply) throws IOException {
        if (reply.delayMillis() <= 0) {
            deliver(req, res, reply);
            return;
        }
        AsyncContext async = req.startAsync();
        async.setTimeout(0);
        // The scheduler only wakes the request; a server thread writes it, so a caller that does not
        // read its answers can hold that thread, as any write can, but never the scheduler's two.
        Runnable write = () -> {
            try {
                deliver(req, (HttpServletResponse) async.getResponse(), reply);
            } catch (IOException | RuntimeException e) {
                // the caller went away while it waited: nothing left to answer
            } finally {
                completeQuietly(async);
            }
        };
        try {
            scheduler.schedule(
                    () -> {
                        try {
                            async.start(write);
                        } catch (RuntimeException gone) {
                            completeQuietly(async);
                        }
                    },
                    reply.delayMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            completeQuietly(async);
        }
    }

    private static void deliver(HttpServletRequest req, HttpServletResponse res, Reply reply) throws IOException {
        if (reply.socketFault() != null) {
            breakConnection(req, reply.socketFault());
            return;
        }
        writeNow(res, reply);
    }

    /** Writes status, headers and body at once. */
    static void writeNow(HttpServletResponse res, Reply reply) throws IOException {
        res.setStatus(reply.status());
        if (reply.contentType() != null) {
            res.setContentType(reply.contentType());
        }
        reply.headers().forEach(res::setHeader);
        res.setContentLength(reply.body().length);
        res.getOutputStream().write(reply.body());
    }

    /** Closes the connection without an answer; a reset sends RST (SO_LINGER 0) instead of FIN. */
    private static void breakConnection(HttpServletRequest req, Fault fault) throws IOException {
        var endPoint = Request.getBaseRequest(req).getHttpChannel().getEndPoint();
        if (fault instanceof Fault.ConnectionReset && endPoint.getTransport() instanceof SocketChannel channel) {
            channel.socket().setSoLinger(true, 0);
        }
        endPoint.close();
    }

    private static void completeQuietly(AsyncContext async) {
        try {
            async.complete();
        } catch (RuntimeException e) {
            // the connection is gone already
        }
    }
}
