package org.b2bforum.base.ui;

import org.b2bforum.base.security.AccountService;
import org.springframework.dao.DataAccessException;
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
            } catch (DataAccessException e) {
                return; // the database is down: the page says so, and the banner comes back with the next page
            }
            if (demo) {
                init.getUI().add(new DemoBanner());
                init.getUI().addClassName("demo-mode");
            }
        });
    }
}
