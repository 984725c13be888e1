package org.b2bforum.messaging.ui;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.ApprovedCompaniesOnly;
import org.b2bforum.base.ui.ChangesFrameFiguresWhenOpened;
import org.b2bforum.base.ui.MenuCountsChanged;
import org.b2bforum.base.ui.TextWithLinks;
import org.b2bforum.messaging.ChatMessage;
import org.b2bforum.messaging.ContactState;
import org.b2bforum.messaging.Conversation;
import org.b2bforum.messaging.ConversationSummary;
import org.b2bforum.messaging.MessageRefusedException;
import org.b2bforum.messaging.MessageText;
import org.b2bforum.messaging.MessagingService;
import org.b2bforum.messaging.ReportedConversation;
import org.b2bforum.base.live.LiveChange;
import org.b2bforum.base.live.LiveUpdates;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;

import jakarta.annotation.security.RolesAllowed;

/**
 * Messages: the company's conversations on one side, the open one on the other (stacked on a phone),
 * updated live when the other company writes. Organizers see the conversations reported to them.
 */
@Route("messages")
@Menu(title = "menu.messages", icon = "CHAT", order = 3)
@RolesAllowed({Role.COMPANY_NAME, Role.DELEGATE_NAME, Role.ORGANIZER_NAME})
@ApprovedCompaniesOnly
class MessagesView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle, ChangesFrameFiguresWhenOpened {

    /** The message field's tallest: a third of a phone's screen at most, 15 lines on a desk. */
    static final String COMPOSER_MAX_HEIGHT = "min(15em, 35vh)";

    private final MessagingService messaging;
    private final LiveUpdates live;
    private final ForumUser user;
    private final ForumTime time;
    private final Clock clock;
    final Div conversations = new Div();
    final Div thread = new Div();
    final TextArea text = new TextArea();
    final Button send = new Button();
    final Select<ContactState> contactState = new Select<>();
    private final Div composer = new Div(text, send);
    private Long otherCompanyId;
    private Registration liveRegistration;

    MessagesView(MessagingService messaging, LiveUpdates live, CurrentUser currentUser, ForumTime time, Clock clock) {
        this.messaging = messaging;
        this.live = live;
        this.user = currentUser.require();
        this.time = time;
        this.clock = clock;
        addClassName("page");
        addClassName("messages-view");
        add(new H1(getTranslation("menu.messages")));
        conversations.setId("conversation-list");
        conversations.addClassName("conversation-list");
        thread.setId("message-thread");
        thread.addClassName("message-thread");
        composer.addClassName("message-composer");
        send.addClickListener(e -> send());
        // the text area sends its value on "change" (blur), which Ctrl+Enter does not fire: without the reset of the
        // focus the shortcut sent an empty text and read "Write a message first" (ux47, in Chromium)
        send.addClickShortcut(Key.ENTER).withModifiers(com.vaadin.flow.component.KeyModifier.CONTROL)
                .resetFocusOnActiveElement();
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long companyId) {
        if (!Objects.equals(otherCompanyId, companyId)) {
            text.clear(); // a draft begun for one company is not offered to the next one opened
            text.setInvalid(false);
        }
        otherCompanyId = companyId;
        removeAll();
        add(new H1(getTranslation("menu.messages")));
        if (user.isOrganizer()) {
            showReported();
            return;
        }
        Div panes = new Div(conversations, thread);
        panes.addClassName("messages-panes");
        // on a phone the list stands above the open conversation: with dozens of conversations the thread began
        // screens below, and the way back to the list was up through the whole thread (ux52: 72 conversations,
        // 166 messages in one). There the open conversation hides the list and offers a link back to it (forum.css).
        panes.setClassName("conversation-open", companyId != null);
        add(panes);
        refresh(true);
    }

    /** Draws the list and the open conversation again; {@code opened}: the conversation has just been opened. */
    private void refresh(boolean opened) {
        try {
            if (otherCompanyId == null) {
                showThread(showConversations());
                return;
            }
            // the open conversation first: it marks its messages read, so the list beside it no longer counts them as
            // unread (it did, review41: "1" on the conversation being read, until the next visit)
            showThread(true);
            showConversations();
            showNewest(opened);
        } catch (MessageRefusedException refused) {
            showRefused(refused);
        }
    }

    /**
     * The reader's company sent back to review (or withdrawn), or the delegate removed by their company, since the page
     * opened: the list says so where the conversations were, and a draft being typed stays in its field (Send is
     * refused next to it). Before, the list's refresh (a live update, a contact choice) ended on the error page
     * (review60's doubt, review62).
     */
    private void showRefused(MessageRefusedException refused) {
        conversations.removeAll();
        thread.getChildren().filter(child -> child != composer).toList().forEach(thread::remove);
        Paragraph words = new Paragraph(getTranslation(refused.messageKey()));
        words.setId("messages-refused");
        words.addClassName("hint");
        if (otherCompanyId == null) {
            conversations.add(words);
            thread.remove(composer);
            return;
        }
        // in the thread, which a phone shows instead of the list while a conversation is open
        thread.addComponentAtIndex(0, words);
        if (text.isEmpty()) {
            thread.remove(composer);
        }
    }

    /**
     * Scrolls the page to the newest message and the field below it: always when the conversation opens (it opened
     * at its oldest message, and on a phone the newest one and the field were screens below, ux47), and after a
     * redraw only if the reader was there, so that one reading older messages is not pulled away from them. The
     * browser notes at each scroll whether the thread's end is in view; the note is read once the thread has grown
     * (here, and whenever the thread's size changes).
     */
    private void showNewest(boolean always) {
        thread.getElement().executeJs("""
                const thread = this;
                // the page scrolls inside the app layout's shadow root, whose scroll events reach no listener on
                // the document: the listener goes on the element that scrolls, found again as the page grows
                const scrollerOf = element => {
                    for (let e = element; (e = e.assignedSlot || e.parentElement || e.getRootNode().host);) {
                        const overflow = getComputedStyle(e).overflowY;
                        if ((overflow === 'auto' || overflow === 'scroll') && e.scrollHeight > e.clientHeight) {
                            return e;
                        }
                    }
                    return document.scrollingElement;
                };
                const watch = () => {
                    const scroller = scrollerOf(thread);
                    if (thread.$scroller !== scroller) {
                        const target = s => s === document.scrollingElement ? window : s;
                        if (thread.$scroller) {
                            target(thread.$scroller).removeEventListener('scroll', thread.$onScroll);
                        }
                        thread.$scroller = scroller;
                        thread.$top = scroller.scrollTop;
                        thread.$resized.observe(scroller); // it shrank as the menu bar above it was laid out
                        target(scroller).addEventListener('scroll', thread.$onScroll, {passive: true});
                    }
                };
                if (!thread.$onScroll) {
                    thread.$onScroll = () => {
                        const scroller = thread.$scroller;
                        if (!thread.isConnected) {
                            (scroller === document.scrollingElement ? window : scroller)
                                    .removeEventListener('scroll', thread.$onScroll);
                            thread.$scroller = null;
                            return;
                        }
                        const before = thread.$top;
                        thread.$top = scroller.scrollTop;
                        // a scroll down (as below) leaves the reader at the end even if the page grew before its
                        // event came; a scroll up, short of the end, takes them away from it
                        thread.$atNewest = thread.getBoundingClientRect().bottom <= window.innerHeight + 48
                                || (scroller.scrollTop >= before && thread.$atNewest === true);
                    };
                    // the page grows after this script as it is laid out (the list above the thread too, on a
                    // phone): scrolled at once, a conversation opened 3,700 px short of its end at 390 px
                    // (Chromium); kept at the end while the reader is there
                    thread.$resized = new ResizeObserver(() => {
                        if (thread.isConnected) {
                            watch();
                            if (thread.$atNewest) {
                                thread.scrollIntoView({block: 'end'});
                            }
                        }
                    });
                    thread.$resized.observe(thread.closest('.messages-view') || thread);
                }
                watch();
                if ($0 || thread.$atNewest) {
                    thread.$atNewest = true;
                    thread.scrollIntoView({block: 'end'});
                }""", always);
    }

    /** Lists the company's conversations; whether it has any. */
    private boolean showConversations() {
        conversations.removeAll();
        List<ConversationSummary> mine = messaging.myConversations();
        for (ConversationSummary summary : mine) {
            conversations.add(new ConversationItem(summary,
                    Long.valueOf(summary.otherCompanyId()).equals(otherCompanyId), time, clock.instant()));
        }
        if (mine.isEmpty()) {
            // a delegate opens no profiles and no meetings' pages: they answer what their representative began
            Paragraph empty = new Paragraph(getTranslation(user.delegateId() != null ? "messages.none.delegate"
                    : "messages.none"));
            empty.addClassName("empty-hint");
            if (user.delegateId() == null) {
                // "write from a profile, a card, a meeting or the agenda" named pages and led to none of them (ux66)
                empty.addClassName("inline-links");
                empty.add(new Span(" "), new Anchor("partners", getTranslation("menu.partners")), new Span(" · "),
                        new Anchor("meetings", getTranslation("menu.meetings")), new Span(" · "),
                        new Anchor("agenda", getTranslation("menu.agenda")));
            }
            conversations.add(empty);
        }
        return !mine.isEmpty();
    }

    private void showThread(boolean anyConversation) {
        // the composer stays attached while the thread is drawn again around it: taken out and put back, its field
        // lost the focus at every message that came in while one typed, and after Ctrl+Enter (ux47)
        thread.getChildren().filter(child -> child != composer).toList().forEach(thread::remove);
        if (otherCompanyId == null) {
            thread.remove(composer);
            // with no conversation yet the list's hint says how to begin one; "choose one" would point at nothing
            if (anyConversation) {
                thread.add(new Paragraph(getTranslation("messages.choose")));
            }
            return;
        }
        RouterLink back = new RouterLink(getTranslation("messages.all"), MessagesView.class);
        back.setId("messages-back");
        back.addClassName("messages-back");
        Conversation conversation;
        try {
            conversation = messaging.conversationWith(otherCompanyId);
        } catch (MessageRefusedException e) {
            if (text.isEmpty()) {
                thread.remove(composer);
            }
            thread.addComponentAtIndex(0, back);
            thread.addComponentAtIndex(1, new Paragraph(getTranslation(e.messageKey())));
            return;
        }
        messaging.markRead(otherCompanyId);
        H2 heading = new H2(conversation.otherCompanyName());
        heading.addClassName("thread-heading");
        thread.addComponentAtIndex(0, back);
        thread.addComponentAtIndex(1, heading);
        thread.addComponentAtIndex(2, controls(conversation));
        Div list = new Div();
        list.setId("messages");
        list.addClassName("messages");
        conversation.messages().forEach(message -> list.add(message(message)));
        if (conversation.messages().isEmpty()) {
            list.add(new Paragraph(getTranslation("messages.empty")));
        }
        thread.addComponentAtIndex(3, list);
        if (conversation.canWrite()) {
            if (composer.getParent().isEmpty()) {
                prepareComposer();
                thread.add(composer);
            }
        } else {
            thread.remove(composer);
            Paragraph closed = new Paragraph(getTranslation(!conversation.otherApproved()
                    ? "messages.company-left"
                    : conversation.blockedByOther() ? "messages.error.blocked" : "messages.error.you-blocked"));
            closed.setId("conversation-closed");
            closed.addClassName("hint");
            thread.add(closed);
        }
    }

    private Div message(ChatMessage message) {
        Div item = new Div();
        item.addClassName("message");
        item.addClassName(message.mine() ? "mine" : "theirs");
        Span who = new Span(message.senderName() + " · " + message.senderCompanyName());
        who.addClassName("message-sender");
        Span when = new Span(time.format(message.sentAt(), getLocale()));
        when.addClassName("message-time");
        Div header = new Div(who, when);
        header.addClassName("message-header");
        Div body = new Div(new TextWithLinks(message.body()));
        body.addClassName("message-body");
        item.add(header, body);
        return item;
    }

    private HorizontalLayout controls(Conversation conversation) {
        contactState.setId("contact-state");
        contactState.setLabel(getTranslation("messages.contact-state"));
        contactState.setItems(ContactState.values());
        contactState.setItemLabelGenerator(state -> getTranslation("messages.choice." + state));
        // wide enough for "Blocked: no messages, no meeting requests"; narrower (a phone) it wraps, see forum.css
        contactState.setWidth("25em");
        contactState.setMaxWidth("100%");
        contactState.addClassName("wrap-value");
        contactState.setValue(conversation.myChoice());
        contactState.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                try {
                    messaging.setContactState(conversation.otherCompanyId(), e.getValue());
                } catch (MessageRefusedException refused) {
                    showRefused(refused);
                    return;
                }
                refresh(false);
            }
        });
        Button report = new Button(getTranslation(conversation.reported() ? "messages.reported" : "messages.report"),
                e -> openReport(conversation.otherCompanyId()));
        report.setId("report-conversation");
        report.addThemeVariants(ButtonVariant.TERTIARY);
        report.setEnabled(!conversation.messages().isEmpty() && !conversation.reported());
        // the way from the talk to the meeting: the profile requests it (or adds the wish) and shows the stand and the
        // contacts once a meeting is confirmed; the conversation named the company and led nowhere (ux60)
        HorizontalLayout controls = new HorizontalLayout();
        // a company that left the forum neither writes nor requests meetings, and its profile is closed: "Messages and
        // requests welcome" and the way to its profile said otherwise (ux75); the choice comes back with the company
        if (conversation.otherApproved()) {
            controls.add(contactState);
        }
        controls.add(report);
        if (user.opensProfiles() && conversation.otherApproved()) { // a delegate opens no profiles: the representative requests the meetings
            Anchor profile = new Anchor("companies/" + conversation.otherCompanyId(),
                    getTranslation("messages.profile"));
            profile.setId("conversation-profile");
            controls.add(profile);
        }
        controls.setAlignItems(Alignment.BASELINE);
        controls.addClassName("thread-controls");
        return controls;
    }

    private void prepareComposer() {
        text.setId("message-text");
        text.setLabel(getTranslation("messages.text"));
        text.setHelperText(getTranslation("messages.text-hint", MessageText.MAX_LENGTH));
        text.setWidthFull();
        // it grew with its text to fill a phone's screen, Send and the thread out of view (ux75): it scrolls inside
        text.setMaxHeight(COMPOSER_MAX_HEIGHT);
        text.setInvalid(false);
        send.setText(getTranslation("messages.send"));
        send.setId("send-message");
        send.addThemeVariants(ButtonVariant.PRIMARY);
    }

    private void send() {
        try {
            messaging.send(otherCompanyId, text.getValue());
            text.clear();
            text.setInvalid(false);
            refresh(false);
            text.focus(); // after a click on "Send", on to where the next message is written
        } catch (MessageRefusedException e) {
            text.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
            text.setInvalid(true);
            text.focus(); // the focus stayed on "Send", away from the field and its error message (ux47)
        }
    }

    private void openReport(long companyId) {
        Dialog dialog = new Dialog(getTranslation("messages.report-title"));
        TextArea reason = new TextArea(getTranslation("messages.report-reason"));
        reason.setId("report-reason");
        reason.setWidthFull();
        Button confirm = new Button(getTranslation("messages.report"), e -> {
            try {
                messaging.report(companyId, reason.getValue());
                dialog.close();
                refresh(false);
            } catch (MessageRefusedException ex) {
                reason.setErrorMessage(getTranslation(ex.messageKey()));
                reason.setInvalid(true);
            }
        });
        confirm.setId("confirm-report");
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(new Paragraph(getTranslation("messages.report-hint")), reason);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    private void showReported() {
        Div list = new Div();
        list.setId("reported-conversations");
        add(new Paragraph(getTranslation("messages.reported-hint")), list);
        for (ReportedConversation reported : messaging.reportedConversations()) {
            Div item = new Div();
            item.addClassName("reported-conversation");
            item.add(new H2(reported.companyA() + " — " + reported.companyB()),
                    new Paragraph(getTranslation("messages.reported-by", reported.reportedBy(),
                            time.format(reported.reportedAt(), getLocale()), reported.reason())));
            Div messages = new Div();
            messages.addClassName("messages");
            messaging.reportedMessages(reported.conversationId()).forEach(message -> messages.add(message(message)));
            item.add(messages);
            list.add(item);
        }
        if (list.getChildren().findAny().isEmpty()) {
            list.add(new Paragraph(getTranslation("messages.reported-none")));
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (!user.isOrganizer()) {
            liveRegistration = live.subscribe(event.getUI(), user, this::changed);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (liveRegistration != null) {
            liveRegistration.remove();
            liveRegistration = null;
        }
    }

    void changed(LiveChange change) {
        if (change.kind() == LiveChange.Kind.MESSAGE) {
            refresh(false); // the text being typed stays: the composer's field is kept
            if (otherCompanyId != null) {
                // the open conversation has just read its new message, which the menu had counted as unread
                getUI().ifPresent(MenuCountsChanged::fire);
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.messages") + " · " + getTranslation("app.short-title");
    }
}
