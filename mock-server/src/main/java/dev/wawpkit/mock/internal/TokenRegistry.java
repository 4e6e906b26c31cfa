package dev.wawpkit.mock.internal;

import dev.wawpkit.mock.WawpMockException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Knows which access tokens are valid and how many sessions each may still create.
 *
 * <p>Lock-free: quota is claimed with a compare-and-set, so concurrent creates never overrun it.
 */
final class TokenRegistry {
    /** Marks a token with no create limit. */
    static final int UNLIMITED = -1;

    private final Map<String, Integer> configured;
    private final int defaultQuota;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    TokenRegistry(Map<String, Integer> configured, int defaultQuota) {
        this.configured = Map.copyOf(configured);
        this.defaultQuota = defaultQuota;
        reset();
    }

    boolean isValid(String token) {
        return token != null && accounts.containsKey(token);
    }

    /**
     * Claims one create from the token's quota. Returns the registry's own string for the token (the
     * one every session of the token then shares), or null when the token is unknown or its quota is
     * used up.
     */
    String tryClaimCreate(String token) {
        Account a = accounts.get(token);
        if (a == null) {
            return null;
        }
        if (a.quota == UNLIMITED) {
            a.used.incrementAndGet();
            return a.token;
        }
        int used;
        do {
            used = a.used.get();
            if (used >= a.quota) {
                return null;
            }
        } while (!a.used.compareAndSet(used, used + 1));
        return a.token;
    }

    /** How many tokens a mock holds at most; one more is refused (409). */
    static final int MAX_TOKENS = 10_000;

    /** Makes the token valid with a fresh quota (creates from now on); {@link #UNLIMITED} for none. */
    Account put(String token, int quota) {
        requireRoomFor(token);
        Account a = new Account(token, quota);
        accounts.put(token, a);
        return a;
    }

    /** Makes the token valid with the default quota, unless it already is. */
    void ensure(String token) {
        if (!accounts.containsKey(token)) {
            requireRoomFor(token);
        }
        accounts.computeIfAbsent(token, t -> new Account(t, defaultQuota));
    }

    private void requireRoomFor(String token) {
        if (accounts.size() >= MAX_TOKENS && !accounts.containsKey(token)) {
            throw new WawpMockException(
                    409,
                    "too_many_tokens",
                    "Expected at most " + MAX_TOKENS
                            + " tokens in one mock, but it holds that many already. Reset the mock (POST /__admin/wawp/reset) "
                            + "or reuse tokens across tests.");
        }
    }

    void remove(String token) {
        accounts.remove(token);
    }

    Map<String, Account> all() {
        return accounts;
    }

    /** Restores the configured tokens, each with its full quota, and forgets all others. */
    void reset() {
        accounts.clear();
        configured.forEach((token, quota) -> accounts.put(token, new Account(token, quota)));
    }

    /** One token's quota and how much of it is used. */
    static final class Account {
        final String token;
        final int quota;
        final AtomicInteger used = new AtomicInteger();

        Account(String token, int quota) {
            this.token = token;
            this.quota = quota;
        }
    }
}
