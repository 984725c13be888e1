package org.b2bforum.company;

import java.util.Optional;

import com.vaadin.flow.component.Component;

/**
 * A part of a company's profile page that another feature shows (the fair: the company's stand and
 * products). Beans of this type are asked in their order; the profile does not know the features.
 */
public interface ProfileSection {

    /** The section's content for the profile of {@code companyId}, or empty to show nothing. */
    Optional<Component> forCompany(long companyId);
}
