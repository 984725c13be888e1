package org.b2bforum.base.ui;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A view of the forum itself: companies see it only once their registration is approved (until
 * then they are sent to their application). Organizers always see it. The services check the
 * same; this keeps the menu and the navigation honest.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ApprovedCompaniesOnly {
}
