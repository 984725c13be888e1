package org.b2bforum.company;

import java.util.List;
import java.util.Set;

/**
 * A suggested partner with its match score (0–100) and the reasons for it, most important first.
 */
public record Suggestion(long companyId, String shortName, String city, Country country, Set<Sector> sectors,
        int score, List<Reason> reasons, boolean hasLogo) {

    /**
     * One reason, as a translation key and its arguments, e.g. {@code suggestion.reason.they-offer}
     * with what they offer and what you seek.
     */
    public record Reason(String key, List<String> args) {
    }
}
