package org.b2bforum.meeting;

import java.util.Locale;
import java.util.function.BiFunction;

import org.b2bforum.base.i18n.Languages;

/**
 * Who cancelled a meeting and why, as its history keeps it: the organizers, or a company ({@code byCompanyId}, null
 * when neither is known any more), and the reason they wrote (null if none).
 */
public record Cancellation(boolean byOrganizers, Long byCompanyId, String reason) {

    private static final String WITHDRAWN = "meeting.cancel.registration-withdrawn";

    /**
     * The reason a rejected company's meetings are cancelled with ({@code RegistrationWithdrawal}): the history keeps
     * one text for everyone who reads it, Russian and English. {@code translation} gives a key's text in a language.
     */
    public static String withdrawalReason(BiFunction<String, Locale, String> translation) {
        return translation.apply(WITHDRAWN, Languages.RUSSIAN) + " / "
                + translation.apply(WITHDRAWN, Languages.ENGLISH);
    }

    /**
     * Whether the organizers cancelled it as they withdrew a company's registration: a company's page then says so in
     * its own language, where it read both ("Отменили организаторы: регистрация отозвана организаторами / registration
     * withdrawn by the organizers", until mend53b).
     */
    public boolean registrationWithdrawn(BiFunction<String, Locale, String> translation) {
        return byOrganizers && withdrawalReason(translation).equals(reason);
    }
}
