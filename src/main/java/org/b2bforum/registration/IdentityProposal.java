package org.b2bforum.registration;

import java.time.Instant;

import org.b2bforum.company.Country;

/**
 * A new name, country or tax number an approved company proposed in its profile, beside the approved ones that stand on
 * every page until the forum office accepts it.
 */
public record IdentityProposal(long companyId, Identity approved, Identity proposed, Instant proposedAt) {

    /** What makes a company the company it is to the office: its names, its country and its tax number. */
    public record Identity(String fullName, String shortName, Country country, String taxNumber) {
    }

    /** What changes, in the audit trail's words: "old → new" for each changed part, separated by "; ". */
    public String changes() {
        StringBuilder text = new StringBuilder();
        change(text, approved.fullName(), proposed.fullName());
        change(text, approved.shortName(), proposed.shortName());
        change(text, approved.country().name(), proposed.country().name());
        change(text, approved.taxNumber(), proposed.taxNumber());
        return text.toString();
    }

    private static void change(StringBuilder text, String before, String after) {
        if (!before.equals(after)) {
            text.append(text.isEmpty() ? "" : "; ").append(before).append(" → ").append(after);
        }
    }
}
