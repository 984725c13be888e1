package org.b2bforum.meeting;

/**
 * Who cancelled a meeting and why, as its history keeps it: the organizers, or a company ({@code byCompanyId}, null
 * when neither is known any more), and the reason they wrote (null if none).
 */
public record Cancellation(boolean byOrganizers, Long byCompanyId, String reason) {
}
