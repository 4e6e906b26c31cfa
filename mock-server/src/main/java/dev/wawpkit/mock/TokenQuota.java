package dev.wawpkit.mock;

/**
 * Shows one valid access token's create quota.
 *
 * @param tokenHint the token, masked to its first 4 characters and {@code ...}
 * @param quota     how many creates it may make since the quota was set, or {@code null} for no limit
 * @param used      how many of those it has made
 */
public record TokenQuota(String tokenHint, Integer quota, int used) {
    /** Returns how many creates are left, or {@code null} for no limit. */
    public Integer remaining() {
        return quota == null ? null : Math.max(0, quota - used);
    }
}
