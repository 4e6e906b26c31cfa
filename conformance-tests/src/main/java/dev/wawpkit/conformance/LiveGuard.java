package dev.wawpkit.conformance;

import dev.wawpkit.conformance.internal.Masking;
import dev.wawpkit.conformance.internal.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keeps a live run quota-safe by construction: every call of a row passes here before it is sent. With the live
 * token it refuses a create unless the run may create, and a stop, restart, logout or delete of any session the run
 * did not create itself. Calls without an instance_id, with a token the API does not know, or naming an instance_id
 * the suite made up cannot touch a user's session or quota, so they pass. Other targets pass everything.
 */
final class LiveGuard {
    private static final Set<String> DESTRUCTIVE = Set.of("stop", "restart", "logout", "delete");
    private final Target target;
    private final Behaviour behaviour;
    private final List<String> created = new ArrayList<>();
    private final List<String> deleted = new ArrayList<>();

    LiveGuard(Target target, Behaviour behaviour) {
        this.target = target;
        this.behaviour = behaviour;
    }

    void check(Request r) {
        if (!target.isLive() || !target.token().equals(r.query.get("access_token"))) {
            return;
        }
        if (r.endpoint.equals("create") && !target.settings().allowCreate()) {
            throw new IllegalStateException(
                    "Refusing to call create on live for " + behaviour.id() + ": it spends quota, and this run "
                            + "may not create. Allow it with -Dwawp.live.allowCreate=true (the suite deletes what it creates).");
        }
        String id = r.query.get("instance_id");
        if (DESTRUCTIVE.contains(r.endpoint)
                && id != null
                && !id.startsWith(Arranging.UNKNOWN_PREFIX)
                && !created.contains(id)) {
            throw new IllegalStateException(
                    Masking.mask("Refusing to call " + r.endpoint + " on live instance " + id + " for "
                            + behaviour.id()
                            + ": on live the suite stops, restarts, logs out and deletes only sessions this run created, "
                            + "and this run did not create " + id
                            + ". Get one with wawp.arrange.newSession() (needs -Dwawp.live.allowCreate=true)."));
        }
    }

    /** Notes a session the run deleted itself, so it is not deleted again after the row. */
    void sent(Request r, Exchange ex) {
        String id = r.query.get("instance_id");
        if (r.endpoint.equals("delete") && id != null && ex.answered() && ex.status() / 100 == 2) {
            deleted.add(id);
        }
    }

    void created(String instanceId) {
        created.add(instanceId);
    }

    /** Returns the sessions the row created on live and did not delete itself: the run deletes them after the row. */
    List<String> leftOver() {
        List<String> left = new ArrayList<>(target.isLive() ? created : List.of());
        deleted.forEach(left::remove);
        return left;
    }
}
