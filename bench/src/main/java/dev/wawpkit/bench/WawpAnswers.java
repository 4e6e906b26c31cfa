package dev.wawpkit.bench;

/**
 * Holds the bodies the Wawp mock answers for create, start and info, so the peers serve the
 * same bytes as static stubs. Captured from the mock (boot delay manual) with curl.
 */
final class WawpAnswers {
    static final String CREATE_PATH = "/v2/session/create";
    static final String START_PATH = "/v2/session/start";
    static final String INFO_PATH = "/v2/session/info";

    static final String CREATE = "{\"instance_id\":\"19EC27C341E8\",\"session_name\":\"wawp-56892472\","
            + "\"server_name\":\"wawp-mock\",\"status\":\"STOPPED\"}";
    static final String START =
            "{\"name\":\"wawp-56892472\",\"status\":\"STARTING\"," + "\"config\":{\"webhooks\":{},\"proxy\":null}}";
    static final String INFO = START;

    private WawpAnswers() {}

    /** Reads the port argument, or exits with one line saying how to call the peer. */
    static int port(String[] args, String usage) {
        try {
            return Integer.parseInt(args[0]);
        } catch (RuntimeException e) {
            System.err.println("usage: " + usage);
            System.exit(2);
            return -1;
        }
    }
}
