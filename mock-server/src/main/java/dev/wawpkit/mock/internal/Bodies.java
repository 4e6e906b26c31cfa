package dev.wawpkit.mock.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import wiremock.jakarta.servlet.AsyncContext;
import wiremock.jakarta.servlet.DispatcherType;
import wiremock.jakarta.servlet.ReadListener;
import wiremock.jakarta.servlet.ServletInputStream;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletRequestWrapper;
import wiremock.org.eclipse.jetty.http.BadMessageException;
import wiremock.org.eclipse.jetty.server.Request;

/**
 * Reads request bodies within the mock's bounds, for both gates: a body that came with its
 * request at once, any other as its bytes arrive (servlet async I/O), holding no thread while it
 * waits; paced, capped in size, and capped in what all bodies still arriving hold together.
 */
final class Bodies {
    /** A request body that arrives slower than this (bytes per second), after a grace period, is answered 408. */
    static final long MIN_BODY_RATE = 1024;
    /**
     * How long a body may take, from its request's arrival, before its pace is judged. Bytes count
     * when they arrive, never when a busy thread gets round to them.
     */
    static final long BODY_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    static final byte[] EMPTY = new byte[0];

    private Bodies() {}

    /** Refuses what can be refused before reading: multipart, a declared size over 1 MiB, broken escapes. */
    static ApiError check(long contentLength, String query, String contentType) {
        if (contentType != null && contentType.regionMatches(true, 0, "multipart/", 0, 10)) {
            return new ApiError(
                    415,
                    "unsupported_media_type",
                    "Expected the credentials in the query string, a "
                            + "JSON body or a form body, but got a " + contentType.split(";")[0].trim()
                            + " body. Send application/json or application/x-www-form-urlencoded.");
        }
        if (contentLength > CallParser.MAX_BODY_BYTES) {
            return tooLarge("Content-Length is " + contentLength);
        }
        if (query != null && query.indexOf('%') >= 0) {
            for (String part : query.split("[&=]")) {
                try {
                    URLDecoder.decode(part, StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    // the value is not echoed: it may be a token
                    return new ApiError(
                            400,
                            "malformed_query",
                            "Expected a URL-encoded query string, but it has "
                                    + "a broken %-escape (a '%' not followed by two hex digits). Encode '%' as %25.");
                }
            }
        }
        return null;
    }

    private static ApiError tooLarge(String what) {
        return new ApiError(
                413,
                "body_too_large",
                "Expected a request body of at most 1 MiB ("
                        + CallParser.MAX_BODY_BYTES + " bytes), but " + what
                        + ". Send the credentials in the query string; the API needs no body.");
    }

    /** What a gate got of a request body: its bytes, or the refusal that answers instead. */
    record Got(byte[] body, ApiError refusal) {}

    /** The request attribute that carries what an async read got to the request's second dispatch. */
    private static final String GOT = Bodies.class.getName() + ".got";

    /**
     * Returns whether this dispatch is the container's second one of a request whose body was
     * read asynchronously ({@link #readOrSuspend}); an async dispatch of anyone else's is not.
     */
    static boolean resumed(HttpServletRequest req) {
        return req.getDispatcherType() == DispatcherType.ASYNC && req.getAttribute(GOT) != null;
    }

    /**
     * Returns the request's body (at most 1 MiB, chunked too), or the refusal that answers
     * instead; or null after putting the request in async mode to read a body that has not all
     * arrived yet. Such a body is read as its bytes come, holding no thread while it waits, and
     * a sender slower than {@value #MIN_BODY_RATE} bytes/s (after {@link #BODY_GRACE_NANOS}) or
     * silent for {@value GatedHttpServerFactory#IO_IDLE_MILLIS} ms is refused 408; then the
     * container dispatches the request again ({@link DispatcherType#ASYNC}) and this returns what
     * came.
     */
    static Got readOrSuspend(HttpServletRequest req, Arriving arriving) {
        Got resumed = req.getDispatcherType() == DispatcherType.ASYNC ? (Got) req.getAttribute(GOT) : null;
        if (resumed != null) {
            req.removeAttribute(GOT);
            return resumed;
        }
        long declared = req.getContentLengthLong();
        if (declared <= 0 && req.getHeader("Transfer-Encoding") == null) {
            return new Got(EMPTY, null);
        }
        try {
            ServletInputStream in = req.getInputStream();
            if (declared > 0 && in.available() >= declared) {
                return new Got(readArrived(in, declared), null); // all there: reading it cannot wait
            }
            new AsyncRead(req, in, arriving).start();
            // handled for now: else WireMock's handler list offers an admin request to the API's context too
            Request.getBaseRequest(req).setHandled(true);
            return null;
        } catch (ApiError.Rejected r) {
            return new Got(EMPTY, r.error);
        } catch (IOException | RuntimeException e) {
            return new Got(EMPTY, broken(e).error);
        }
    }

    /**
     * Reads a body as its bytes arrive, on whichever thread Jetty calls back with them, and
     * judges the sender's pace on the scheduler; the first outcome dispatches the request again.
     */
    private static final class AsyncRead implements ReadListener, Runnable {
        private final HttpServletRequest req;
        private final ServletInputStream in;
        private final Arriving arriving;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final byte[] buffer = new byte[8192];
        private final AtomicBoolean done = new AtomicBoolean();
        private final long start = System.nanoTime();
        private volatile long total;
        private volatile long lastByteAt = start;
        private AsyncContext async;
        private volatile ScheduledFuture<?> watch;

        AsyncRead(HttpServletRequest req, ServletInputStream in, Arriving arriving) {
            this.req = req;
            this.in = in;
            this.arriving = arriving;
        }

        void start() {
            async = req.startAsync();
            async.setTimeout(0);
            try {
                watch = arriving.scheduler.scheduleWithFixedDelay(this, 250, 250, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // the mock is stopping: the connection's idle timeout still ends the read
            }
            in.setReadListener(this);
        }

        /** Reads what came; under this read's monitor, as {@link #finish} is, so the bytes it holds are exact. */
        @Override
        public synchronized void onDataAvailable() throws IOException {
            while (!done.get() && in.isReady()) {
                int n = in.read(buffer);
                if (n < 0) { // the end; Jetty's onAllDataRead may follow, the first outcome wins
                    onAllDataRead();
                    return;
                }
                if (!arriving.reserve(n)) {
                    finish(new Got(EMPTY, Arriving.busy()));
                    return;
                }
                out.write(buffer, 0, n);
                total += n;
                lastByteAt = System.nanoTime();
                if (total > CallParser.MAX_BODY_BYTES) {
                    finish(new Got(EMPTY, tooLarge("the body is longer")));
                    return;
                }
            }
        }

        @Override
        public void onAllDataRead() {
            finish(new Got(out.toByteArray(), null));
        }

        @Override
        public void onError(Throwable t) {
            finish(new Got(EMPTY, isTimeout(t) ? slow().error : broken(t).error));
        }

        /** The pace check, every 250 ms while the body is being read. */
        @Override
        public void run() {
            long now = System.nanoTime();
            if (done.get()) {
                cancelWatch();
            } else if (tooSlow(total, now - start, now - lastByteAt)) {
                finish(new Got(EMPTY, slow().error));
            }
        }

        private synchronized void finish(Got got) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            cancelWatch();
            arriving.release(total);
            req.setAttribute(GOT, got);
            try {
                async.dispatch();
            } catch (IllegalStateException gone) {
                // the connection closed before the body came: nobody to answer
            }
        }

        private void cancelWatch() {
            ScheduledFuture<?> w = watch;
            if (w != null) {
                w.cancel(false);
            }
        }
    }

    /**
     * What one server's bodies still arriving share: the scheduler that paces them, and a cap on
     * the bytes they hold at once. Each may be 1 MiB and they hold no thread, so without the cap
     * a few hundred slow uploads could fill the heap.
     */
    static final class Arriving {
        /** The bytes all bodies still arriving may hold at once; one that would pass it is refused 503. */
        static final long MAX_BYTES = 32L << 20;

        final ScheduledExecutorService scheduler;
        private final AtomicLong held = new AtomicLong();

        Arriving(ScheduledExecutorService scheduler) {
            this.scheduler = scheduler;
        }

        boolean reserve(int bytes) {
            if (held.addAndGet(bytes) > MAX_BYTES) {
                held.addAndGet(-bytes);
                return false;
            }
            return true;
        }

        void release(long bytes) {
            held.addAndGet(-bytes);
        }

        static ApiError busy() {
            return new ApiError(
                    503,
                    "bodies_in_flight_full",
                    "Expected room for this request's body while it arrives, but bodies still arriving"
                            + " on other connections hold the " + MAX_BYTES
                            + " bytes the mock keeps for them. Send it again when those are done, and send"
                            + " bodies at once: the API needs none.");
        }
    }

    /** Reads a body that has all arrived (its declared length, at most 1 MiB, is buffered). */
    private static byte[] readArrived(ServletInputStream in, long declaredLength) throws ApiError.Rejected {
        try {
            return in.readNBytes((int) declaredLength);
        } catch (IOException | RuntimeException e) {
            throw broken(e);
        }
    }

    /**
     * Whether a body still arriving comes too slowly: after {@link #BODY_GRACE_NANOS}, fewer than
     * {@value #MIN_BODY_RATE} bytes per second on average since the request came, or nothing for
     * {@value GatedHttpServerFactory#IO_IDLE_MILLIS} ms. The pace is the sender's: bytes are
     * counted as they arrive, never as a busy thread gets round to them.
     */
    static boolean tooSlow(long bytes, long sinceStartNanos, long silentNanos) {
        long judged = sinceStartNanos - BODY_GRACE_NANOS;
        return (judged > 0 && bytes < MIN_BODY_RATE * judged / 1_000_000_000L)
                || silentNanos > TimeUnit.MILLISECONDS.toNanos(GatedHttpServerFactory.IO_IDLE_MILLIS);
    }

    private static ApiError.Rejected broken(Throwable e) {
        return new ApiError.Rejected(
                400,
                "malformed_body",
                "Expected a complete request body, but it was "
                        + "cut off or malformed ("
                        + (e.getMessage() == null
                                ? e.getClass().getSimpleName()
                                : Secrets.maskText(e.getMessage().replaceAll("[\\r\\n]", " ")))
                        + "). Check Content-Length "
                        + "and the chunked encoding.");
    }

    private static ApiError.Rejected slow() {
        return new ApiError.Rejected(
                408,
                "request_timeout",
                "Expected the request body within "
                        + GatedHttpServerFactory.IO_IDLE_MILLIS / 1000 + " s of silence and at " + MIN_BODY_RATE
                        + " bytes/s or faster, but it "
                        + "stalled or came slower. Send the whole body at once (the API needs none).");
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || (t instanceof BadMessageException b && b.getCode() == 408)) {
                return true;
            }
        }
        return false;
    }

    /** A request whose body was read by the gate, replayed to whoever reads it next. */
    static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayed(HttpServletRequest req, byte[] body) {
            super(req);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body was read already; no async reads");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    getInputStream(), encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
