package org.b2bforum.announcement.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.b2bforum.base.i18n.Plural;
import org.b2bforum.announcement.Announcement;
import org.b2bforum.announcement.AnnouncementRefusedException;
import org.b2bforum.announcement.AnnouncementService;
import org.b2bforum.announcement.Audience;
import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.Notices;
import org.b2bforum.base.ui.TextWithLinks;
import org.b2bforum.company.Cities;
import org.b2bforum.company.Sector;
import org.b2bforum.messaging.MessageText;
import org.b2bforum.program.NegotiationSession;
import org.b2bforum.program.ProgramService;


import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/** Organizers announce to everyone, a city, a sector or the companies meeting in one session. */
@Route("announcements")
@Menu(title = "menu.announcements", icon = "MEGAPHONE", order = 85)
@RolesAllowed(Role.ORGANIZER_NAME)
class AnnouncementsView extends VerticalLayout implements HasDynamicTitle {

    final Select<Audience> audience = new Select<>();
    final ComboBox<String> value = new ComboBox<>();
    final TextArea text = new TextArea();
    final Button publish = new Button();
    final Div sent = new Div();

    private final AnnouncementService announcements;
    private final ProgramService program;
    private final ForumTime time;

    AnnouncementsView(AnnouncementService announcements, ProgramService program, ForumTime time) {
        this.announcements = announcements;
        this.program = program;
        this.time = time;
        addClassName("page");
        audience.setId("announcement-audience");
        audience.setLabel(getTranslation("announcements.audience"));
        audience.setItems(Audience.values());
        audience.setItemLabelGenerator(a -> getTranslation("announcements.audience." + a));
        audience.setValue(Audience.ALL);
        audience.addValueChangeListener(e -> chooseValues(e.getValue()));
        value.setId("announcement-value");
        value.setVisible(false);
        text.setId("announcement-text");
        text.setLabel(getTranslation("announcements.text"));
        text.setHelperText(getTranslation("messages.text-hint", MessageText.MAX_LENGTH));
        text.setWidthFull();
        publish.setText(getTranslation("announcements.publish"));
        publish.setId("announcement-publish");
        publish.addThemeVariants(ButtonVariant.PRIMARY);
        // one click once sent to every approved company (503 on the forum of 500) and by e-mail: it asks first,
        // with the number the service would reach
        // greyed out from the click until the question is answered and the sending has ended (a slow database held a
        // click for 75 s, and a second click queued a second question meanwhile)
        publish.setDisableOnClick(true);
        publish.addClickListener(e -> confirmPublish());
        sent.setId("announcements-sent");
        add(new H1(getTranslation("menu.announcements")), new Paragraph(getTranslation("announcements.hint")),
                audience, value, text, publish, new H2(getTranslation("announcements.sent")), sent);
        showSent();
    }

    private void chooseValues(Audience chosen) {
        value.clear();
        value.setInvalid(false);
        value.setVisible(chosen != Audience.ALL);
        switch (chosen) {
            case CITY -> {
                value.setLabel(getTranslation("announcements.audience.CITY"));
                value.setItems(announcements.cities());
                value.setItemLabelGenerator(city -> city);
            }
            case SECTOR -> {
                value.setLabel(getTranslation("announcements.audience.SECTOR"));
                value.setItems(Arrays.stream(Sector.values()).map(Sector::name).toList());
                value.setItemLabelGenerator(sector -> getTranslation(Sector.valueOf(sector).translationKey()));
            }
            case SESSION -> {
                value.setLabel(getTranslation("announcements.audience.SESSION"));
                java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
                for (NegotiationSession session : program.sessions()) {
                    labels.put(String.valueOf(session.id()), sessionLabel(session));
                }
                value.setItems(labels.keySet());
                value.setItemLabelGenerator(labels::get);
            }
            case ALL -> {
            }
        }
    }

    private void confirmPublish() {
        text.setInvalid(false);
        value.setInvalid(false);
        audience.setInvalid(false);
        AnnouncementService.Reach reach;
        try {
            reach = announcements.reach(audience.getValue(), value.getValue(), text.getValue());
        } catch (AnnouncementRefusedException e) {
            publish.setEnabled(true);
            refused(e);
            return;
        } catch (RuntimeException e) {
            // the database away: the frame says so (DatabaseUnavailableHandling), and "Send" is there for another try
            // with the text as typed, which reloading the page to get a greyed-out button back would lose (review73)
            publish.setEnabled(true);
            throw e;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-announcement");
        confirm.setHeader(getTranslation("announcements.confirm.title"));
        confirm.setText(getTranslation(Plural.key(reach.byEmail() ? "announcements.confirm.text-mail"
                : "announcements.confirm.text", reach.companies(), getLocale()), reach.companies()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("announcements.confirm.back"));
        confirm.setConfirmText(getTranslation(Plural.key("announcements.confirm.send", reach.companies(), getLocale()),
                reach.companies()));
        confirm.addConfirmListener(e -> publish());
        confirm.addCancelListener(e -> publish.setEnabled(true));
        confirm.addOpenedChangeListener(e -> publish.setEnabled(!e.isOpened()));
        confirm.open();
    }

    private void publish() {
        try {
            int reached = announcements.publish(audience.getValue(), value.getValue(), text.getValue());
            text.clear();
            Notices.success(getTranslation(Plural.key("announcements.published", reached, getLocale()), reached));
            showSent();
        } catch (AnnouncementRefusedException e) {
            refused(e);
        } finally {
            publish.setEnabled(true);
        }
    }

    private void refused(AnnouncementRefusedException e) {
        if (e.field().equals("text")) {
            text.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
            text.setInvalid(true);
        } else if (value.isVisible()) {
            value.setErrorMessage(getTranslation(e.messageKey()));
            value.setInvalid(true);
        } else {
            // "nobody there" with no value to mark shows by the audience itself
            audience.setErrorMessage(getTranslation(e.messageKey()));
            audience.setInvalid(true);
        }
    }

    private void showSent() {
        sent.removeAll();
        List<Announcement> recent = announcements.recent(20);
        Map<String, NegotiationSession> sessions = recent.stream().anyMatch(a -> a.audience() == Audience.SESSION)
                ? program.sessions().stream().collect(Collectors.toMap(session -> String.valueOf(session.id()),
                        Function.identity()))
                : Map.of();
        if (recent.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("announcements.none"));
            none.setId("announcements-none");
            sent.add(none);
        }
        for (Announcement announcement : recent) {
            Div item = new Div();
            item.addClassName("notification-item");
            item.add(new Paragraph(time.format(announcement.createdAt(), getLocale()) + " · "
                    + audienceInWords(announcement, sessions) + " · "
                    + getTranslation("announcements.reached", announcement.companies())));
            Paragraph body = new Paragraph(new TextWithLinks(announcement.text()));
            body.addClassName("message-body");
            item.add(body);
            sent.add(item);
        }
    }

    private String sessionLabel(NegotiationSession session) {
        return time.format(session.startsAt(), getLocale()) + " · " + session.name(getLocale()) + " · "
                + session.hallName(getLocale());
    }

    /**
     * "Отрасль: Дорожная техника", "Город: Минск", the session by its time, name and hall: the stored value
     * is a sector's code, a city as registered or a session's id, none of them for a reader.
     */
    private String audienceInWords(Announcement announcement, Map<String, NegotiationSession> sessions) {
        String audience = getTranslation("announcements.audience." + announcement.audience());
        String value = announcement.audienceValue();
        if (value == null) {
            return audience;
        }
        String inWords = switch (announcement.audience()) {
            case CITY -> Cities.inLanguage(value, this::getTranslation);
            case SECTOR -> Arrays.stream(Sector.values()).filter(sector -> sector.name().equals(value)).findFirst()
                    .map(sector -> getTranslation(sector.translationKey())).orElse(value);
            case SESSION -> Optional.ofNullable(sessions.get(value)).map(this::sessionLabel)
                    .orElseGet(() -> getTranslation("announcements.session-gone"));
            case ALL -> value;
        };
        return audience + ": " + inWords;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.announcements") + " · " + getTranslation("app.short-title");
    }
}
