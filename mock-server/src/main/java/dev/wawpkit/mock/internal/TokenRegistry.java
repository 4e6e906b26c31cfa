package dev.wawpkit.mock.internal;

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

    /** Claims one create from the token's quota; false when none is left. */
    boolean tryClaimCreate(String token) {
        Account a = accounts.get(token);
        if (a == null) {
            return false;
        }
        if (a.quota == UNLIMITED) {
            a.used.incrementAndGet();
            return true;
        }
        int used;
        do {
            used = a.used.get();
            if (used >= a.quota) {
                return false;
            }
        } while (!a.used.compareAndSet(used, used + 1));
        return true;
    }

    /** Makes the token valid with a fresh quota (creates from now on); {@link #UNLIMITED} for none. */
    Account put(String token, int quota) {
        Account a = new Account(quota);
        accounts.put(token, a);
        return a;
    }

    /** Makes the token valid with the default quota, unless it already is. */
    void ensure(String token) {
        accounts.computeIfAbsent(token, t -> new Account(defaultQuota));
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
        configured.forEach((token, quota) -> accounts.put(token, new Account(quota)));
    }

    /** One token's quota and how much of it is used. */
    static final class Account {
        final int quota;
        final AtomicInteger used = new AtomicInteger();

        Account(int quota) {
            this.quota = quota;
        }
    }
}
