package org.b2bforum.base.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * Asks before a log-in is switched off: it ends the account's open sessions at once (a company's representative
 * in the middle of a booking, a staff member at the door), and the switch sits in a long list of accounts.
 * Switching on again needs no question.
 */
public final class DisableLogInDialog {

    private DisableLogInDialog() {
    }

    /** Opens the question for the log-in {@code email} of {@code name}; "Switch off" runs {@code disable}. */
    public static void ask(String email, String name, Runnable disable) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-disable-log-in");
        confirm.setHeader(confirm.getTranslation("log-in.disable.title", email));
        confirm.setText(confirm.getTranslation("log-in.disable.text", name));
        confirm.setCancelable(true);
        confirm.setCancelText(confirm.getTranslation("action.cancel"));
        confirm.setConfirmText(confirm.getTranslation("log-in.disable.confirm"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> disable.run());
        confirm.open();
    }
}
