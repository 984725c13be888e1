package org.b2bforum.base.ui;

import org.b2bforum.base.database.DatabaseUnavailable;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.DemoLoading;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Puts the demo banner on every page (log-in, registration, invitation, reset and every logged-in
 * page) while demo accounts can log in: added to the UI itself, it stays through every navigation. While the demo
 * forum is still being loaded, the banner says so instead (a page opened then shows half a forum).
 */
@Component
class DemoBannerInstaller implements VaadinServiceInitListener {

    private final AccountService accounts;
    private final DemoLoading loading;

    DemoBannerInstaller(AccountService accounts, DemoLoading loading) {
        this.accounts = accounts;
        this.loading = loading;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> install(init.getUI()));
    }

    void install(UI ui) {
        boolean stillLoading = loading.isLoading();
        boolean demo;
        try {
            demo = stillLoading || accounts.demoAccountsActive();
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCause(e)) {
                return; // the page says the database is down; the banner comes back with the next page
            }
            throw e;
        }
        if (demo) {
            ui.add(new DemoBanner(stillLoading));
            ui.addClassName("demo-mode");
        }
    }
}
