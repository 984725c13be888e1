package org.b2bforum.company.ui;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.b2bforum.base.ui.TemplateText;
import org.b2bforum.company.DirectoryEntry;
import org.b2bforum.company.DirectoryService;
import org.b2bforum.company.ShortlistService;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.QueryParameters;

/**
 * A company in a list, rendered in the browser from a template: logo, name, place, sectors, what it
 * offers and seeks, a star, "Request a meeting" and "Write a message". A template instead of components per row: as
 * components a page of 50 cards held about 750 server-side elements per open tab, which made a user
 * resting on the directory cost ~765 KB of heap (bench/run-ui-load); the template holds none.
 */
final class CompanyCard {

    /**
     * The card's template; what is the same on every card of a page (the labels in the viewer's language, the request
     * button's icon and id prefix) is written into it once ({@link #template}) instead of sent with every row, and the
     * links and ids are made from the company's id: a row carries 11 values instead of 20 (issue 17; the size of
     * the rows' JSON was not measured).
     */
    private static final String TEMPLATE = """
            <div class="company-card">
              <div class="company-top">
                <vaadin-avatar class="company-avatar" style="width:48px;height:48px" .name=${item.name}
                    .img=${item.logo}></vaadin-avatar>
                <div class="company-head">
                  <a class="company-name" href="companies/${item.cid}" router-link>${item.name}</a>
                  <span class="company-place">${item.place}</span>
                  <span class="company-sectors">${item.sectors}</span>
                </div>
                <vaadin-button class="star-button" theme="tertiary" id="star-${item.cid}" ?hidden=${!item.canStar}
                    aria-pressed=${item.starred} aria-label=${item.starText} @click=${star}>
                  <vaadin-icon slot="prefix" icon=${item.starIcon}></vaadin-icon>${item.starText}</vaadin-button>
              </div>
              <p class="company-line"><span class="line-label">{offersLabel}</span><span>${item.offers}</span></p>
              <p class="company-line"><span class="line-label">{seeksLabel}</span><span>${item.seeks}</span></p>
              <vaadin-button class="request-meeting-button" theme="tertiary small" id="{requestPrefix}${item.cid}"
                  ?hidden=${!item.canStar} @click=${request}>
                <vaadin-icon slot="prefix" icon="{requestIcon}"></vaadin-icon>{requestText}</vaadin-button>
              <a class="message-link" id="message-link-${item.cid}" href="messages/${item.cid}" router-link
                  ?hidden=${!item.canStar}>
                <vaadin-icon icon="vaadin:chat"></vaadin-icon>{messageText}</a>
            </div>""";

    /** A {name} place of {@link #TEMPLATE}; not the template literal's own ${star}, ${request}. */
    private static final Pattern PLACE = Pattern.compile("(?<!\\$)\\{[A-Za-z]+\\}");

    /**
     * {@link #TEMPLATE} with its {name} places filled with {@code texts}, each escaped for HTML and the JS template.
     *
     * @throws IllegalStateException if a place is left without a text (it would show as "{name}" on every card)
     */
    static String template(Map<String, String> texts) {
        String template = TEMPLATE;
        for (Map.Entry<String, String> text : texts.entrySet()) {
            template = template.replace("{" + text.getKey() + "}", TemplateText.literal(text.getValue()));
        }
        Matcher left = PLACE.matcher(template);
        if (left.find()) {
            throw new IllegalStateException("No text for " + left.group() + " in the company card's template");
        }
        return template;
    }

    private CompanyCard() {
    }

    /**
     * The cards of {@code grid}: its texts in {@code owner}'s language; a star toggles the shortlist and
     * re-renders that row; "Request a meeting" (or "add to my wishes") opens that page.
     */
    static LitRenderer<DirectoryEntry> renderer(Component owner, Grid<DirectoryEntry> grid, ShortlistService shortlist,
            boolean canStar, boolean wishes) {
        return renderer(owner, grid, shortlist, canStar, wishes, new ConcurrentHashMap<>());
    }

    /**
     * As above, with the stars changed on the page since its rows were loaded kept in {@code starred} (the entries
     * are immutable records): a page that loads its rows again clears it, and keeps the renderer.
     */
    static LitRenderer<DirectoryEntry> renderer(Component owner, Grid<DirectoryEntry> grid, ShortlistService shortlist,
            boolean canStar, boolean wishes, Map<Long, Boolean> starred) {
        String starText = owner.getTranslation("shortlist.star");
        String starredText = owner.getTranslation("shortlist.starred");
        String template = template(Map.of(
                "offersLabel", owner.getTranslation("directory.offers") + ": ",
                "seeksLabel", owner.getTranslation("directory.seeks") + ": ",
                "requestPrefix", wishes ? "add-wish-" : "request-meeting-",
                "requestIcon", wishes ? "vaadin:heart" : "vaadin:handshake",
                "requestText", owner.getTranslation(wishes ? "action.add-wish" : "action.request-meeting"),
                "messageText", owner.getTranslation("messages.write")));
        return LitRenderer.<DirectoryEntry>of(template)
                .withProperty("cid", DirectoryEntry::id)
                .withProperty("name", DirectoryEntry::shortName)
                .withProperty("logo", e -> e.hasLogo() ? LogoController.url(e.id(), System.currentTimeMillis() / 300_000)
                        : null)
                .withProperty("place", e -> CompanyLabels.place(owner, e.city(), e.country()))
                .withProperty("sectors", e -> CompanyLabels.sectors(owner, e.sectors()))
                .withProperty("offers", e -> snippet(e.offers()))
                .withProperty("seeks", e -> snippet(e.seeks()))
                .withProperty("canStar", e -> canStar)
                .withProperty("starred", e -> String.valueOf(starred.getOrDefault(e.id(), e.starred())))
                .withProperty("starText", e -> starred.getOrDefault(e.id(), e.starred()) ? starredText : starText)
                .withProperty("starIcon", e -> starred.getOrDefault(e.id(), e.starred()) ? "vaadin:star" : "vaadin:star-o")
                .withFunction("star", e -> {
                    if (!canStar) {
                        return;
                    }
                    boolean now = starred.getOrDefault(e.id(), e.starred());
                    if (now) {
                        shortlist.unstar(e.id());
                    } else {
                        shortlist.star(e.id());
                    }
                    starred.put(e.id(), !now);
                    grid.getDataProvider().refreshItem(e);
                })
                .withFunction("request", e -> {
                    if (canStar) {
                        owner.getUI().ifPresent(ui -> ui.navigate(
                                wishes ? RequestMeetingButton.WISHES_ROUTE : RequestMeetingButton.ROUTE,
                                QueryParameters.of(wishes ? "add" : "with", String.valueOf(e.id()))));
                    }
                });
    }

    private static String snippet(String text) {
        return text.length() > DirectoryService.SNIPPET ? text.substring(0, DirectoryService.SNIPPET) + "…" : text;
    }
}
