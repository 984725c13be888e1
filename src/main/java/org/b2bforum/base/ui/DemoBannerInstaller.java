package org.b2bforum.base.ui;

import org.b2bforum.base.database.DatabaseUnavailable;
import org.b2bforum.base.security.AccountService;
import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Puts the demo banner on every page (log-in, registration, invitation, reset and every logged-in
 * page) while demo accounts can log in: added to the UI itself, it stays through every navigation.
 */
@Component
class DemoBannerInstaller implements VaadinServiceInitListener {

    private final AccountService accounts;

    DemoBannerInstaller(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            boolean demo;
            try {
                demo = accounts.demoAccountsActive();
            } catch (RuntimeException e) {
                if (DatabaseUnavailable.isCause(e)) {
                    return; // the page says the database is down; the banner comes back with the next page
                }
                throw e;
            }
            if (demo) {
                init.getUI().add(new DemoBanner());
                init.getUI().addClassName("demo-mode");
            }
        });
    }
}
