package dev.wawpkit.mock;

import java.time.Instant;

/**
 * Shows one attempt to deliver a {@code session.status} webhook.
 *
 * @param at       when the attempt ended
 * @param eventId  the event's {@code id}, the same for every attempt of one event
 * @param status   the session status the event announced
 * @param url      where it was sent
 * @param attempt  which attempt this was, from 1
 * @param response the receiver's HTTP status, or 0 when it could not be reached
 * @param error    why it failed when no response came, or {@code null}
 */
public record WebhookDelivery(
        Instant at, String eventId, SessionStatus status, String url, int attempt, int response, String error) {

    /** Returns whether the receiver answered 2xx. */
    public boolean delivered() {
        return response >= 200 && response < 300;
    }
}
