package dev.wawpkit.contracts.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Holds a session's configuration as the API reports it.
 *
 * @param webhooks the webhook settings, as plain JSON values; empty when none are set
 * @param proxy    the proxy settings, as plain JSON values; null when no proxy is set
 */
public record SessionConfig(Map<String, Object> webhooks, Map<String, Object> proxy) {
    /** Creates a configuration, copying both maps into unmodifiable ones. */
    public SessionConfig {
        webhooks = webhooks == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(webhooks));
        proxy = proxy == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(proxy));
    }
}
