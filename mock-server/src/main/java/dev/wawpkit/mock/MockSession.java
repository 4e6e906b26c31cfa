package dev.wawpkit.mock;

import java.time.Instant;

/**
 * Shows one simulated session as it is at the moment it was read.
 *
 * @param instanceId  the 12-character instance id
 * @param name        the session name, {@code wawp-} and 8 digits
 * @param tokenHint   the owning access token, masked to its first 4 characters and {@code ...}
 * @param status      the current status
 * @param loggedIn    whether the session keeps a login, so that booting resumes to WORKING
 * @param createdAt   when it was created or seeded
 */
public record MockSession(
        String instanceId, String name, String tokenHint, SessionStatus status, boolean loggedIn, Instant createdAt) {}
