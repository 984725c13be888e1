package org.b2bforum.calendar.ui;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.ui.CopyableLink;
import org.b2bforum.base.ui.Downloads;
import org.b2bforum.base.ui.GoneDownload;
import org.b2bforum.base.ui.Notices;
import org.b2bforum.calendar.CalendarOwnerRemovedException;
import org.b2bforum.calendar.CalendarService;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

import org.springframework.modulith.NamedInterface;

/**
 * Calendar export for the logged-in delegate (or company): the {@code .ics} download, and a
 * private subscription link for calendar apps, which is shown once when made (only its hash is
 * kept), can be replaced by a new one (the old one stops working) or switched off.
 */
@NamedInterface("export-panel")
public class CalendarExportPanel extends Div {

    final Anchor download = new Anchor();
    final Paragraph status = new Paragraph();
    final Div link = new Div();
    final CopyableLink urlLine = new CopyableLink("calendar-url", getTranslation("calendar.panel.url"), "");
    final TextField url = urlLine.field;
    final Anchor openInApp = new Anchor();
    final Button create = new Button();
    final Button revoke = new Button();

    private final CalendarService calendars;
    private final ForumTime forumTime;

    public CalendarExportPanel(CalendarService calendars, ForumTime forumTime) {
        this.calendars = calendars;
        this.forumTime = forumTime;
        addClassName("calendar-export");
        setId("calendar-export");

        H2 title = new H2(getTranslation("calendar.panel.title"));
        title.addClassName("meetings-heading");
        Paragraph intro = new Paragraph(getTranslation("calendar.panel.intro",
                forumTime.zone().getDisplayName(TextStyle.FULL, getLocale())));

        download.setId("calendar-download");
        // made here rather than by the link /my-calendar.ics: a calendar that cannot be made says why on the page (a
        // delegate their company removed meanwhile: 410 and the words; the database away), where the link's answer
        // was a failed download in the browser's list and the page as it was (review62)
        Locale locale = getLocale();
        download.setHref(Downloads.toldOnFailure(event -> GoneDownload.file("forum-schedule.ics",
                "text/calendar;charset=UTF-8", () -> calendars.myCalendar(locale).getBytes(StandardCharsets.UTF_8),
                CalendarOwnerRemovedException.class, event.getUI(),
                () -> getTranslation("delegate.removed-meanwhile"), () -> { })), AttachmentType.DOWNLOAD);
        download.add(VaadinIcon.DOWNLOAD.create());
        download.add(getTranslation("calendar.panel.download"));
        download.addClassName("calendar-download");

        Paragraph subscribeIntro = new Paragraph(getTranslation("calendar.panel.subscribe-intro"));
        status.setId("calendar-status");
        status.addClassName("agenda-small");

        openInApp.setId("calendar-open");
        openInApp.setText(getTranslation("calendar.panel.open-in-app"));
        openInApp.setRouterIgnore(true);
        Paragraph once = new Paragraph(getTranslation("calendar.panel.shown-once"));
        once.addClassName("agenda-small");
        link.setId("calendar-link");
        link.add(urlLine, openInApp, once);
        link.setVisible(false);

        create.setId("calendar-new-link");
        create.setIcon(VaadinIcon.LINK.create());
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> newLink());
        revoke.setId("calendar-revoke");
        revoke.setText(getTranslation("calendar.panel.revoke"));
        revoke.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        revoke.addClickListener(e -> {
            calendars.revokeSubscription();
            link.setVisible(false);
            url.clear();
            Notices.done(getTranslation("calendar.panel.revoked"));
            refresh();
        });
        HorizontalLayout buttons = new HorizontalLayout(create, revoke);
        buttons.setWrap(true);

        add(title, intro, download, subscribeIntro, status, link, buttons);
        refresh();
    }

    /** A new link; for a delegate their company removed since the click's session check, words instead. */
    void newLink() {
        String madeLink;
        try {
            madeLink = calendars.newSubscription();
        } catch (CalendarOwnerRemovedException removed) {
            Notices.error(getTranslation("delegate.removed-meanwhile"));
            return;
        }
        showLink(madeLink);
    }

    private void showLink(String madeLink) {
        // the feed is Russian unless asked otherwise: an English reader's calendar gets English, as the download does
        String feedUrl = Languages.RUSSIAN.getLanguage().equals(getLocale().getLanguage()) ? madeLink
                : madeLink + "?lang=" + getLocale().getLanguage();
        url.setValue(feedUrl);
        // webcal: opens the subscription in the phone's calendar app; the address is our own
        openInApp.setUnsafeHref(feedUrl.replaceFirst("^https?://", "webcal://"));
        link.setVisible(true);
        refresh();
    }

    private void refresh() {
        Optional<Instant> since = calendars.subscriptionSince();
        status.setText(since.map(at -> getTranslation("calendar.panel.active", forumTime.format(at, getLocale())))
                .orElseGet(() -> getTranslation("calendar.panel.none")));
        create.setText(getTranslation(since.isPresent() ? "calendar.panel.replace" : "calendar.panel.create"));
        revoke.setVisible(since.isPresent());
    }
}
