package org.b2bforum.base.ui;

import java.util.Optional;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.Location;

/**
 * The way back from a company's profile and from the meeting request form to the directory as the company left it:
 * its search and filters. The directory remembers, in its browser tab, the address it last showed; the pages opened
 * from its results link back to it. At the booking window a company asks one company after another from its results:
 * without the link it went back by the menu, to the directory's first page, and searched again, two answers where one
 * does (bench/README.md, issue 17).
 */
public final class BackToDirectory {

    /** The key of the remembered address among the tab's data. */
    private record Remembered(Location address) {
    }

    private BackToDirectory() {
    }

    /** The directory showed {@code address} in {@code ui}'s tab (a search or a filter changed it, or it was opened). */
    public static void remember(UI ui, Location address) {
        ComponentUtil.setData(ui, Remembered.class, new Remembered(address));
    }

    /**
     * A link (with the id {@code id}) back to the directory's address last shown in {@code ui}'s tab, followed by the
     * router without reloading the page; empty when the tab has not opened the directory.
     */
    public static Optional<Anchor> link(UI ui, String id) {
        Remembered remembered = ComponentUtil.getData(ui, Remembered.class);
        if (remembered == null) {
            return Optional.empty();
        }
        Anchor back = new Anchor(remembered.address().getPathWithQueryParameters(),
                ui.getTranslation("directory.back"));
        back.setId(id);
        back.addClassName("back-to-directory");
        back.getElement().setAttribute("router-link", true);
        return Optional.of(back);
    }
}
