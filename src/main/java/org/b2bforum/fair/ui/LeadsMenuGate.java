package org.b2bforum.fair.ui;

import org.b2bforum.base.ui.MenuGate;
import org.b2bforum.fair.LeadService;
import org.springframework.stereotype.Component;

/**
 * "Контакты со стенда" only in an exhibitor's menu: for a company without a stand (or still awaiting approval) the
 * page only said it was not an exhibitor.
 */
@Component
class LeadsMenuGate implements MenuGate {

    private final LeadService leads;

    LeadsMenuGate(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public String path() {
        return "fair/leads";
    }

    @Override
    public boolean shows() {
        return leads.canScan();
    }
}
