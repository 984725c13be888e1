package org.b2bforum.messaging.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.DelegateFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.live.LiveChange;
import org.b2bforum.base.ui.MenuCountsChanged;
import org.b2bforum.messaging.MessagingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.UIInternals.JavaScriptInvocation;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;

/** Writing on /messages/<company>: refusals next to the field, links as safe anchors. */
@ForumSpringTest
class MessagesViewTest extends ForumBrowserlessTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MessagingService messaging;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountService accounts;
    @Autowired
    org.b2bforum.registration.RegistrationService registrations;

    @AfterEach
    void logOut() {
        TestData.logOut();
    }

    @Test
    void an_empty_or_flooding_message_is_refused_next_to_the_field_whose_height_is_capped_and_a_good_one_is_listed() {
        BookingFixture fixture = new BookingFixture(context);
        TestCompany me = fixture.approvedCompany();
        TestCompany other = fixture.approvedCompany();
        BookingFixture.logInAs(me);
        MessagesView view = navigate("messages/" + other.id(), MessagesView.class);

        // on a phone the field grew with a long text until it filled the screen, Send below it (ux75): it scrolls inside
        assertThat(view.text.getMaxHeight()).isEqualTo("min(15em, 35vh)");

        test(view.text).setValue("   ");
        test(view.send).click();
        assertThat(view.text.isInvalid()).isTrue();
        assertThat(view.text.getErrorMessage()).isEqualTo("Напишите сообщение");
        assertThat(view.contactState.getWidth()).as("its longest choice was cut off at 1280 px").isEqualTo("25em");
        assertThat(view.contactState.hasClassName("wrap-value")).as("and wraps on a phone").isTrue();

        // a text too long says by how much, in the numbers of the field's hint: "at most 2000" alone left the writer
        // of a long text guessing how much to cut (ux75), and the text stays to be cut
        String tooLong = "Длинное предложение. ".repeat(100);
        test(view.text).setValue(tooLong);
        test(view.send).click();
        assertThat(view.text.getErrorMessage().replaceAll("[\\u00a0\\u202f]", " "))
                .isEqualTo("Сообщение слишком длинное: длина 2 099, можно не больше 2 000 — сократите его на 99");
        assertThat(view.text.getValue()).isEqualTo(tooLong);

        test(view.text).setValue("Материалы: https://files.example.ru/deck.pdf <script>alert(1)</script>");
        test(view.send).click();
        assertThat(view.text.isInvalid()).isFalse();
        assertThat(view.text.getValue()).isEmpty();
        Anchor link = $(Anchor.class).from(view.thread).all().stream()
                .filter(a -> a.getHref().startsWith("https://files")).findFirst().orElseThrow();
        assertThat(link.getHref()).isEqualTo("https://files.example.ru/deck.pdf");
        assertThat(view.thread.getElement().getOuterHTML()).doesNotContain("<script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");

        for (int i = 1; i < MessagingService.PER_MINUTE; i++) {
            messaging.send(other.id(), "Ещё " + i);
        }
        test(view.text).setValue("Одиннадцатое");
        test(view.send).click();
        assertThat(view.text.getErrorMessage()).isEqualTo(
                "Слишком много сообщений: не более 10 в минуту. Подождите немного и отправьте снова");
        assertThat(view.text.getValue()).isEqualTo("Одиннадцатое");
        assertThat(jdbc.queryForObject("select count(*) from message where sender_company_id = ?", Integer.class,
                me.id())).isEqualTo(MessagingService.PER_MINUTE);
    }

    /**
     * The thread is drawn again at every message, its own and the other company's: the field one types in was taken
     * out and put back, which lost its focus (keystrokes went nowhere while a reply came in, and after Ctrl+Enter).
     */
    /**
     * The company went back to the organizers' review in another tab while a conversation was open: Send
     * is refused next to the field with the text kept (before: AccessDeniedException, the error page).
     */
    @Test
    void a_message_sent_after_the_company_went_back_to_review_in_another_tab_is_refused_next_to_the_field() {
        BookingFixture fixture = new BookingFixture(context);
        TestCompany me = fixture.approvedCompany();
        BookingFixture.logInAs(me);
        MessagesView view = navigate("messages/" + fixture.approvedCompany().id(), MessagesView.class);
        fixture.sendBackToReview(me); // the other tab

        test(view.text).setValue("Добрый день");
        test(view.send).click();

        assertThat(view.text.isInvalid()).isTrue();
        assertThat(view.text.getErrorMessage()).startsWith("Регистрация вашей компании сейчас не одобрена");
        assertThat(view.text.getValue()).isEqualTo("Добрый день");
        assertThat(jdbc.queryForObject("select count(*) from message where sender_company_id = ?", Integer.class,
                me.id())).isZero();
    }

    /**
     * The company sent back to review in another tab while its messages were open: the page's next refresh (a live
     * update, here the other company's earlier message read by a colleague) and a contact choice say why in words, and
     * the draft being typed stays (before: MessageRefusedException out of the list's read, the error page; review62).
     */
    @Test
    void the_messages_page_of_a_company_gone_back_to_review_says_so_on_its_next_refresh_and_keeps_the_draft() {
        Writers writers = writtenTo();
        TestCompany me = writers.me();
        MessagesView list = navigate("messages", MessagesView.class);
        writers.fixture().sendBackToReview(me); // the other tab
        BookingFixture.logInAs(me);

        list.changed(new LiveChange(0, me.id(), null, LiveChange.Kind.MESSAGE));
        assertThat(list.conversations.getElement().getTextRecursively())
                .startsWith("Регистрация вашей компании сейчас не одобрена");

        Writers others = writtenTo();
        MessagesView conversation = navigate("messages/" + others.other().id(), MessagesView.class);
        test(conversation.text).setValue("Черновик ответа");
        others.fixture().sendBackToReview(others.me());
        BookingFixture.logInAs(others.me());
        conversation.changed(new LiveChange(0, others.me().id(), null, LiveChange.Kind.MESSAGE));
        assertThat(conversation.thread.getElement().getTextRecursively())
                .contains("Регистрация вашей компании сейчас не одобрена");
        assertThat(conversation.text.getValue()).as("the draft kept in its field").isEqualTo("Черновик ответа");
        assertThat(conversation.text.isAttached()).isTrue();
    }

    @Test
    void the_field_stays_in_place_while_the_thread_is_drawn_again_and_a_draft_stays_with_its_conversation() {
        BookingFixture fixture = new BookingFixture(context);
        TestCompany me = fixture.approvedCompany();
        TestCompany other = fixture.approvedCompany();
        TestCompany third = fixture.approvedCompany();
        BookingFixture.logInAs(me);
        MessagesView view = navigate("messages/" + other.id(), MessagesView.class);
        java.util.concurrent.atomic.AtomicInteger detached = new java.util.concurrent.atomic.AtomicInteger();
        view.text.addDetachListener(e -> detached.incrementAndGet());

        test(view.text).setValue("Первое");
        test(view.send).click();
        test(view.text).setValue("Второе");
        test(view.send).click();

        assertThat($(Span.class).from(view.thread).all()).extracting(Span::getText).contains("Первое", "Второе");
        assertThat(detached).as("times the field was taken out of the page").hasValue(0);

        test(view.text).setValue("Черновик для другой компании");
        MessagesView next = navigate("messages/" + third.id(), MessagesView.class);
        assertThat(next.text.getValue()).as("the draft is not offered to the next company").isEmpty();
    }

    /**
     * A conversation opened at its oldest message: on a phone the newest one and the field were screens below (ux47).
     * It opens at its end, and a message that arrives moves the page only if the reader was at the end.
     */
    @Test
    void a_conversation_opens_at_its_newest_message_and_a_new_one_is_followed_only_from_there() {
        Writers writers = writtenTo();
        TestCompany me = writers.me(), other = writers.other();
        scriptsSinceLastLook();

        UI.getCurrent().navigate("messages/" + other.id());
        MessagesView view = $(MessagesView.class).single();
        // the application's own live poller may bring the first message's change to the open page as well (a scroll
        // from there, false), after the opening's (seen once in a whole suite): the opening's comes first
        assertThat(scrollsToNewest(scriptsSinceLastLook(), view)).as("on opening").first().isEqualTo(true);

        writers.fixture().as(other, () -> messaging.send(me.id(), "Вы здесь?"));
        BookingFixture.logInAs(me);
        view.changed(new LiveChange(0, me.id(), null, LiveChange.Kind.MESSAGE));
        assertThat(view.thread.getElement().getTextRecursively()).contains("Вы здесь?");
        assertThat(scrollsToNewest(scriptsSinceLastLook(), view)).as("when a message arrives: if the reader is there")
                .isNotEmpty().containsOnly(false);
    }

    /** Two approved companies, the second of which wrote "Добрый день" to the first, which is logged in. */
    private Writers writtenTo() {
        BookingFixture fixture = new BookingFixture(context);
        TestCompany me = fixture.approvedCompany();
        TestCompany other = fixture.approvedCompany();
        fixture.as(other, () -> messaging.send(me.id(), "Добрый день"));
        BookingFixture.logInAs(me);
        return new Writers(fixture, me, other);
    }

    private record Writers(BookingFixture fixture, TestCompany me, TestCompany other) {
    }

    /** Whether each of these scripts scrolls the thread to its end always (true) or only from there (false). */
    private static List<Object> scrollsToNewest(List<JavaScriptInvocation> scripts, MessagesView view) {
        return scripts.stream().filter(call -> call.getExpression().contains("scrollIntoView")
                        && call.getParameters().contains(view.thread.getElement()))
                .flatMap(call -> call.getParameters().stream().filter(Boolean.class::isInstance)).toList();
    }

    @Test
    void an_empty_send_puts_the_focus_on_the_field_with_its_error() {
        BookingFixture fixture = new BookingFixture(context);
        TestCompany me = fixture.approvedCompany();
        TestCompany other = fixture.approvedCompany();
        BookingFixture.logInAs(me);
        MessagesView view = navigate("messages/" + other.id(), MessagesView.class);
        scriptsSinceLastLook();

        view.send.click(); // on the server: browserless's round trip drops the scripts

        assertThat(view.text.getErrorMessage()).isEqualTo("Напишите сообщение");
        assertThat(focuses(scriptsSinceLastLook(), view.text)).as("the focus stayed on Send (ux47)").isTrue();
    }

    @Test
    void without_conversations_the_page_says_how_to_begin_one_and_with_them_asks_to_choose_and_the_open_one_is_read() {
        BookingFixture fixture = new BookingFixture(context);
        TestCompany me = fixture.approvedCompany();
        TestCompany other = fixture.approvedCompany();
        BookingFixture.logInAs(me);

        MessagesView empty = navigate("messages", MessagesView.class);
        assertThat(empty.getElement().getTextRecursively()).contains("Переписки пока нет")
                .doesNotContain("Выберите переписку");
        assertThat(empty.conversations.getElement().getOuterHTML()).as("the pages it names, as links (ux66)")
                .contains("<a href=\"partners\">Рекомендуемые партнёры</a>", "<a href=\"meetings\">Встречи</a>",
                        "<a href=\"agenda\">Расписание</a>");

        fixture.as(other, () -> messaging.send(me.id(), "Добрый день"));
        BookingFixture.logInAs(me);
        MessagesView some = navigate("messages", MessagesView.class);
        assertThat(some.getElement().getTextRecursively()).contains("Выберите переписку")
                .doesNotContain("Переписки пока нет");
        assertThat(some.conversations.getElement().getOuterHTML()).contains("unread-count");

        // the conversation opened: read, so the list beside it shows no unread count for it any more
        MessagesView open = navigate("messages/" + other.id(), MessagesView.class);
        assertThat(open.thread.getElement().getTextRecursively()).contains("Добрый день");
        assertThat(open.conversations.getElement().getOuterHTML()).doesNotContain("unread-count");
    }

    /**
     * And on to the company's profile, where the meeting the talk is about is requested: the conversation named the
     * company and led nowhere (ux60).
     */
    @Test
    void an_open_conversation_leads_back_to_the_list_which_a_phone_hides_beside_it_and_on_to_the_profile() {
        Writers writers = writtenTo();
        TestCompany me = writers.me(), other = writers.other();

        MessagesView list = navigate("messages", MessagesView.class);
        assertThat(list.conversations.getParent().orElseThrow().getElement().getClassList())
                .doesNotContain("conversation-open");
        assertThat(list.thread.getElement().getOuterHTML()).doesNotContain("messages-back");

        MessagesView open = navigate("messages/" + other.id(), MessagesView.class);
        assertThat(open.conversations.getParent().orElseThrow().getElement().getClassList())
                .as("the panes say a conversation is open: a phone's style then hides the list (forum.css)")
                .contains("messages-panes", "conversation-open");
        com.vaadin.flow.router.RouterLink back = (com.vaadin.flow.router.RouterLink) open.thread.getChildren()
                .findFirst().orElseThrow();
        assertThat(back.getId()).hasValue("messages-back");
        assertThat(back.getText()).isEqualTo("← Все переписки");
        assertThat(back.getHref()).isEqualTo("messages");
        Anchor profile = $(Anchor.class).id("conversation-profile");
        assertThat(profile.getHref()).isEqualTo("companies/" + other.id());
        assertThat(profile.getText()).isEqualTo("Профиль компании и встреча");
    }

    /**
     * The menu's live update counted the new message as unread before the open conversation read it: "Messages 1"
     * stayed beside the message being read (ux60, two Chromiums).
     */
    @Test
    void a_message_that_comes_into_the_open_conversation_is_not_left_counted_unread_in_the_menu() {
        Writers writers = writtenTo();
        TestCompany me = writers.me(), other = writers.other();
        MessagesView view = navigate("messages/" + other.id(), MessagesView.class);
        assertThat($(Span.class).withId("menu-count-messages").exists()).isFalse();

        writers.fixture().as(other, () -> messaging.send(me.id(), "Ждём вас на стенде в 11:00"));
        // the menu's own live update, which comes first: it reads one unread (unless the application's poller has
        // brought the change to the open page meanwhile: then it is read already)
        MenuCountsChanged.fire(UI.getCurrent());
        view.changed(new LiveChange(0, me.id(), null, LiveChange.Kind.MESSAGE));

        assertThat(view.thread.getElement().getTextRecursively()).contains("Ждём вас на стенде в 11:00");
        assertThat($(Span.class).withId("menu-count-messages").exists()).as("read in the open conversation").isFalse();
    }

    /**
     * The list showed the last message alone: whether the other company waited for an answer or the reader did, and
     * since when, it did not say (ux75). Now "Вы: …" before one's own, and a short time in the forum's zone.
     */
    @Test
    void the_list_says_whose_the_last_message_was_and_when_it_was_sent() {
        Writers writers = writtenTo();
        TestCompany me = writers.me(), other = writers.other();
        TestCompany third = writers.fixture().approvedCompany();
        messaging.send(third.id(), "Когда удобно встретиться?");

        MessagesView list = navigate("messages", MessagesView.class);

        List<String> lasts = $(Span.class).from(list.conversations).all().stream()
                .filter(span -> span.hasClassName("conversation-last")).map(Span::getText).toList();
        assertThat(lasts).containsExactly("Вы: Когда удобно встретиться?", "Добрый день");
        java.time.Instant sent = jdbc.queryForObject("select max(sent_at) from message where sender_company_id = ?",
                java.sql.Timestamp.class, other.id()).toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
        List<Span> times = $(Span.class).from(list.conversations).all().stream()
                .filter(span -> span.hasClassName("conversation-time")).toList();
        assertThat(times).hasSize(2);
        assertThat(times.get(1).getText()).as("sent today: the time alone, in Moscow").isEqualTo(
                java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(sent.atZone(java.time.ZoneId.of("Europe/Moscow"))));
        assertThat(times.get(1).getElement().getAttribute("title")).as("the whole date on hovering").contains(":");

        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        MessagesView english = navigate("messages", MessagesView.class);
        assertThat(english.conversations.getElement().getTextRecursively()).contains("You: Когда удобно встретиться?");
    }

    /**
     * A company sent back to review (and then rejected) while a conversation with it was open: the page kept the field
     * and "Messages and requests welcome" until Send was refused (ux75). Its leaving tells the open pages of the
     * companies it wrote with, which then close the conversation; opened afresh it is closed too.
     */
    @Test
    void a_conversation_open_with_a_company_that_leaves_the_forum_closes_on_the_live_update_its_leaving_writes() {
        Writers writers = writtenTo();
        TestCompany me = writers.me(), other = writers.other();
        MessagesView view = navigate("messages/" + other.id(), MessagesView.class);
        assertThat(view.text.isAttached()).isTrue();
        assertThat(view.contactState.isAttached()).isTrue();
        long before = jdbc.queryForObject("select coalesce(max(id), 0) from live_change", Long.class);

        writers.fixture().sendBackToReview(other);

        assertThat(jdbc.queryForList("select company_id from live_change where id > ? and kind = 'MESSAGE'",
                Long.class, before)).as("the pages of the companies it wrote with are told").contains(me.id(), other.id());
        BookingFixture.logInAs(me);
        view.changed(new LiveChange(0, me.id(), null, LiveChange.Kind.MESSAGE));
        assertClosed(view);

        writers.fixture().asOrganizer(() -> registrations.reject(other.id(), "Регистрация отозвана"));
        BookingFixture.logInAs(me);
        MessagesView afresh = navigate("messages/" + other.id(), MessagesView.class);
        assertClosed(afresh);
        assertThat(afresh.thread.getElement().getTextRecursively()).as("the history stays readable").contains("Добрый день");
    }

    private void assertClosed(MessagesView view) {
        assertThat(view.text.isAttached()).as("no field").isFalse();
        assertThat(view.send.isAttached()).isFalse();
        assertThat(view.contactState.isAttached()).as("no 'Messages and requests welcome'").isFalse();
        assertThat($(Anchor.class).withId("conversation-profile").exists()).as("no way to a closed profile").isFalse();
        assertThat($(com.vaadin.flow.component.html.Paragraph.class).id("conversation-closed").getText())
                .isEqualTo("Эта компания сейчас не участвует в форуме: переписка с ней остаётся здесь, но написать ей нельзя");
    }

    @Test
    void a_delegate_without_conversations_is_sent_to_the_company_agenda_not_to_profiles_they_cannot_open() {
        DelegateFixture delegates = new DelegateFixture(context);
        TestCompany company = delegates.booking().approvedCompany();
        TestData.logInAs(accounts, delegates.delegateAccount(company, company.delegateIds().getFirst()));

        MessagesView empty = navigate("messages", MessagesView.class);

        assertThat(empty.conversations.getElement().getTextRecursively())
                .contains("Написать компании, с которой у вас встреча, можно из расписания компании")
                .doesNotContain("Напишите компании из её профиля");
    }

    @Test
    void a_delegate_has_messages_in_the_menu_with_the_unread_count_and_answers_in_the_companys_name() {
        DelegateFixture delegates = new DelegateFixture(context);
        BookingFixture fixture = delegates.booking();
        TestCompany company = fixture.approvedCompany();
        TestCompany partner = fixture.approvedCompany();
        String login = delegates.delegateAccount(company, company.delegateIds().getFirst());
        fixture.as(partner, () -> messaging.send(company.id(), "Пришлите, пожалуйста, презентацию"));
        TestData.logInAs(accounts, login);

        UI.getCurrent().navigate("");

        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Сообщения");
        assertThat($(Span.class).id("menu-count-messages").getText()).isEqualTo("1");
        MessagesView view = navigate("messages/" + partner.id(), MessagesView.class);
        assertThat(view.thread.getElement().getTextRecursively()).contains("Пришлите, пожалуйста, презентацию");
        assertThat($(Anchor.class).withId("conversation-profile").exists()).as("a profile a delegate cannot open")
                .isFalse();
        test(view.text).setValue("Отправляем сегодня");
        test(view.send).click();
        assertThat(jdbc.queryForObject("select count(*) from message where sender_company_id = ?", Integer.class,
                company.id())).isEqualTo(1);
        assertThat($(Span.class).withId("menu-count-messages").exists()).isFalse();
    }
}
