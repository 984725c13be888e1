package org.b2bforum.company.ui;

import com.vaadin.flow.component.avatar.Avatar;

/** A company's logo, or its initials when it has none. */
class CompanyAvatar extends Avatar {

    CompanyAvatar(long companyId, String name, boolean hasLogo, String size) {
        super(name);
        addClassName("company-avatar");
        setWidth(size);
        setHeight(size);
        if (hasLogo) {
            setImage(LogoController.url(companyId, System.currentTimeMillis() / 300_000));
        }
    }
}
