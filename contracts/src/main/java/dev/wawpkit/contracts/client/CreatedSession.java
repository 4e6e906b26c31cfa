package dev.wawpkit.contracts.client;

/**
 * Holds the answer to {@code POST /v2/session/create}.
 *
 * @param instanceId  the new session's 12-character id, such as {@code 3EB0BCB2E3D4}
 * @param sessionName the session's name, such as {@code wawp-84729105}
 * @param serverName  the server the session lives on
 * @param status      the session's status as the API spells it, normally {@code STOPPED}
 */
public record CreatedSession(String instanceId, String sessionName, String serverName, String status) {}
