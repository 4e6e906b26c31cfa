package dev.wawpkit.contracts.pact;

import au.com.dius.pact.consumer.dsl.PactDslJsonBody;

/** Builds the expected session bodies of start, stop, restart and info, and of logout and delete. */
final class SessionBodies {
    private SessionBodies() {}

    /** Expects {@code {name, status, config: {webhooks: {}, proxy: null}}}: name by type, status exactly. */
    static PactDslJsonBody session(String status) {
        PactDslJsonBody body =
                new PactDslJsonBody().stringType("name", "wawp-84729105").stringValue("status", status);
        PactDslJsonBody config = body.object("config");
        config.object("webhooks").closeObject();
        config.nullValue("proxy").closeObject();
        return body;
    }

    /** Expects {@code {name, status, instance_id}} of logout and delete: name by type, status exactly, id by pattern. */
    static PactDslJsonBody ref(String status) {
        return new PactDslJsonBody()
                .stringType("name", "wawp-84729105")
                .stringValue("status", status)
                .stringMatcher("instance_id", WawpPacts.ID_PATTERN, WawpPacts.ID);
    }
}
