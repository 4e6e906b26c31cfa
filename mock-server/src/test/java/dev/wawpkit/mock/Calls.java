package dev.wawpkit.mock;

/** The API calls the tests make most, spelled as Wawp's own samples send them. */
final class Calls {
    private Calls() {}

    static Http.Response create(WawpMockServer mock, String token) {
        return Http.to(mock, "/v2/session/create?access_token=" + token).send();
    }

    static String createdId(WawpMockServer mock, String token) {
        Http.Response r = create(mock, token);
        if (r.status() != 200) {
            throw new AssertionError("Expecting create to answer 200, but got " + r.status() + ":\n  " + r.body());
        }
        return r.json().get("instance_id").asText();
    }

    static Http.Response call(WawpMockServer mock, String endpoint, String instanceId, String token) {
        return Http.to(mock, "/v2/session/" + endpoint + "?instance_id=" + instanceId + "&access_token=" + token)
                .header("Content-Type", "application/json")
                .send();
    }

    static Http.Response start(WawpMockServer mock, String instanceId, String token) {
        return call(mock, "start", instanceId, token);
    }

    static Http.Response info(WawpMockServer mock, String instanceId, String token) {
        return call(mock, "info", instanceId, token);
    }

    /** Polls info until the status is reached, or fails after the timeout with the last body. */
    static Http.Response awaitStatus(
            WawpMockServer mock, String instanceId, String token, String status, long timeoutMillis)
            throws InterruptedException {
        long end = System.nanoTime() + timeoutMillis * 1_000_000;
        Http.Response last;
        do {
            last = info(mock, instanceId, token);
            if (status.equals(last.json().path("status").asText())) {
                return last;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < end);
        throw new AssertionError("Expecting session " + instanceId + " to reach " + status + " within " + timeoutMillis
                + " ms, but info answered:\n  " + last.body());
    }
}
