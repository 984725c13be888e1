package org.b2bforum.delegate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.DelegateFixture;
import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.live.LiveUpdates;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.FormLocks;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.security.Role;
import org.b2bforum.delegate.DelegateAccess;
import org.b2bforum.delegate.DelegateInvitationService;
import org.b2bforum.delegate.Invitation;
import org.b2bforum.meeting.OrganizerBookings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.internal.UIInternals.JavaScriptInvocation;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadResponse;

/** The representative's delegates page and the invitation page a delegate opens. */
@ForumSpringTest
class DelegateViewsTest extends ForumBrowserlessTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    AccountService accounts;
    @Autowired
    LiveUpdates live;
    @Autowired
    DelegateInvitationService invitations;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BookingFixture booking;
    @Autowired
    FormLocks formLocks;

    @Test
    void the_representative_sees_each_delegates_log_in_status_and_an_invitation_link_to_pass_on() {
        TestCompany company = booking.approvedCompany();
        long ivan = company.firstDelegate();
        long anna = company.delegateIds().get(1);
        TestData.logInAs(accounts, company.loginEmail());
        DelegatesView view = navigate(DelegatesView.class);

        assertThat(text(row(view, ivan))).contains("Иван Петров", "Директор", "Не приглашён", "Участник");
        assertThat(text(row(view, anna))).contains("Anna Smirnova", "Sales manager", "Не приглашён");
        assertThat(find(Anchor.class).id("badge-" + ivan).getHref()).isNotBlank();

        scriptsSinceLastLook();
        find(Button.class).id("invite-" + ivan).click(); // on the server: browserless's round trip drops the scripts

        assertThat(view.sent.isVisible()).isTrue();
        // the clicked button is drawn anew: the focus, left on nothing, goes to the link to copy (ux47)
        assertThat(focuses(scriptsSinceLastLook(), view.link)).as("the focus goes to the link").isTrue();
        assertThat(text(view.sent)).contains("Электронная почта не настроена", "Иван Петров");
        String link = view.link.getValue();
        assertThat(link).matches("http://localhost:\\d+/invitation/[A-Za-z0-9_-]{43}");
        find(Button.class).id("invitation-link-copy").click(); // CopyableLink, as the other links to pass on (ux47)
        assertThat(copies(scriptsSinceLastLook(), link)).as("Copy puts the link shown on the clipboard").isTrue();
        // the state in its pill, the date on a line of its own: together they ran past a phone's card (ux63)
        assertThat(find(Span.class).id("delegate-status-" + ivan).getText()).isEqualTo("Приглашён");
        assertThat(find(Paragraph.class).id("delegate-invited-until-" + ivan).getText())
                .matches("Ссылка-приглашение действует до .*\\d\\d:\\d\\d");
        assertThat(find(Button.class).id("invite-" + ivan).getText()).isEqualTo("Пригласить снова");
        assertThat(notifications()).contains("Приглашение для участника «Иван Петров» готово");

        // The delegate opens the link (no log-in needed) and sets a password.
        TestData.logOut();
        InvitationView invitation = navigate("invitation/" + link.substring(link.lastIndexOf('/') + 1),
                InvitationView.class);
        assertThat(invitation.title.getText()).isEqualTo("Здравствуйте, Иван Петров!");
        assertThat(invitation.login.getValue()).startsWith("ivan-");
        test(invitation.password).setValue("short");
        test(invitation.confirmation).setValue("short");
        test(invitation.create).click();
        assertThat(invitation.password.isInvalid()).isTrue();
        assertThat(invitation.password.getErrorMessage()).isEqualTo("Пароль слишком короткий: его длина должна быть не меньше 10");

        test(invitation.password).setValue(DelegateFixture.DELEGATE_PASSWORD);
        test(invitation.confirmation).setValue(DelegateFixture.DELEGATE_PASSWORD);
        scriptsSinceLastLook();
        String sessionBefore = VaadinSession.getCurrent().getSession().getId();
        invitation.create.click(); // on the server, without the browserless round trip that drops the scripts
        assertThat(invitation.title.getText()).isEqualTo("Вход создан");
        // logged in at once (ux52: they had to log in again by hand), in the session under a new id, and taken to
        // their badge and schedule; the screen reader's region no longer says "Пароль слишком короткий: его длина должна быть не меньше 10"
        assertThat(invitation.message.getText()).isEqualTo("Пароль сохранён. Открываем ваш бейдж и расписание…");
        List<JavaScriptInvocation> scripts = scriptsSinceLastLook();
        assertThat(scripts).as("a page loaded afresh at the badge").anyMatch(call -> call.getParameters().contains("my-badge"));
        assertThat(announced(scripts)).containsExactly("Вход создан");
        assertThat(accounts.loadUserByUsername(invitation.login.getValue()).role()).isEqualTo(Role.DELEGATE);
        ForumUser loggedIn = (ForumUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        assertThat(loggedIn.email()).isEqualTo(invitation.login.getValue());
        assertThat(loggedIn.getPassword()).as("no password's hash kept in the session").isNull();
        assertThat(VaadinSession.getCurrent().getSession().getId()).as("session fixation").isNotEqualTo(sessionBefore);
        assertThat(((SecurityContext) VaadinSession.getCurrent().getSession()
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).getAuthentication()
                .getName()).as("the next request's log-in").isEqualTo(invitation.login.getValue());
        assertThat(jdbc.queryForList("select outcome from login_attempt where email = ?", String.class,
                invitation.login.getValue())).as("in the organizers' log-in records").containsExactly("SUCCESS");

        // Opened again, the link says it has been used, and nothing about the person.
        InvitationView again = navigate("invitation/" + link.substring(link.lastIndexOf('/') + 1),
                InvitationView.class);
        assertThat(again.title.getText()).isEqualTo("Приглашение уже использовано");
        assertThat(text(again)).doesNotContain("Иван Петров");

        TestData.logInAs(accounts, company.loginEmail());
        DelegatesView after = navigate(DelegatesView.class);
        assertThat(text(row(after, ivan))).contains("Вход создан");
        assertThat(find(Button.class).withId("invite-" + ivan).exists()).isFalse();
        assertThat(invitations.myDelegates()).extracting(DelegateAccess::status)
                .containsExactly(DelegateAccess.Status.ACTIVE, DelegateAccess.Status.NOT_INVITED);
    }

    /** The open page said "Invited" after the delegate had accepted, until it was reloaded (ux47). */
    @Test
    void a_delegate_who_accepts_shows_as_having_a_log_in_on_the_open_delegates_page_without_a_reload()
            throws InterruptedException {
        TestCompany company = booking.approvedCompany();
        long ivan = company.firstDelegate();
        TestData.logInAs(accounts, company.loginEmail());
        DelegatesView view = navigate(DelegatesView.class);
        find(Button.class).id("invite-" + ivan).click();
        String link = view.link.getValue();
        assertThat(text(row(view, ivan))).contains("Приглашён");

        // the delegate accepts elsewhere; the page hears of it through the change feed, as from another node
        invitations.accept(link.substring(link.lastIndexOf('/') + 1), DelegateFixture.DELEGATE_PASSWORD,
                DelegateFixture.DELEGATE_PASSWORD);

        VaadinSession session = VaadinSession.getCurrent();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!text(row(view, ivan)).contains("Вход создан") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            session.getService().runPendingAccessTasks(session);
        }
        assertThat(text(row(view, ivan))).contains("Вход создан");
        assertThat(find(Button.class).withId("invite-" + ivan).exists()).isFalse();
    }

    @Test
    void an_invitation_accepted_from_an_address_that_submits_too_often_keeps_its_form_and_says_to_try_later() {
        TestCompany company = booking.approvedCompany();
        String link = booking.as(company, () -> invitations.invite(company.firstDelegate())).link();
        InvitationView view = navigate("invitation/" + link.substring(link.lastIndexOf('/') + 1), InvitationView.class);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.16." + TestData.unique());
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            // the tests' limit is high (they all come from one address): a node with the production limit locks it
            formLocks.lock(request.getRemoteAddr());
            test(view.password).setValue(DelegateFixture.DELEGATE_PASSWORD);
            test(view.confirmation).setValue(DelegateFixture.DELEGATE_PASSWORD);
            test(view.create).click();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }

        assertThat(notifications()).contains("Слишком много попыток с этого адреса. Попробуйте снова позже.");
        assertThat(view.create.isAttached()).isTrue();
        assertThat(view.password.getValue()).isEqualTo(DelegateFixture.DELEGATE_PASSWORD);
        assertThat(invitations.invitation(link.substring(link.lastIndexOf('/') + 1)).state())
                .isEqualTo(Invitation.State.VALID);
    }

    @Test
    void a_representative_who_accepts_their_delegates_invitation_stays_themselves_and_is_shown_the_way_to_the_log_in() {
        TestCompany company = booking.approvedCompany();
        String link = booking.as(company, () -> invitations.invite(company.firstDelegate())).link();
        TestData.logInAs(accounts, company.loginEmail());
        InvitationView view = navigate("invitation/" + link.substring(link.lastIndexOf('/') + 1), InvitationView.class);
        test(view.password).setValue(DelegateFixture.DELEGATE_PASSWORD);
        test(view.confirmation).setValue(DelegateFixture.DELEGATE_PASSWORD);
        test(view.create).click();

        assertThat(view.title.getText()).isEqualTo("Вход создан");
        assertThat(find(Anchor.class).id("invitation-login-link").getHref()).isEqualTo("login");
        assertThat(SecurityContextHolder.getContext().getAuthentication().getName()).isEqualTo(company.loginEmail());
    }

    @Test
    void an_unknown_invitation_link_says_so() {
        InvitationView view = navigate("invitation/not-a-real-token", InvitationView.class);

        assertThat(view.title.getText()).isEqualTo("Приглашение не найдено");
        assertThat(find(Button.class).withId("invitation-accept").exists()).isFalse();
    }

    @Test
    void a_delegate_starts_at_their_badge_the_menu_has_only_their_pages_and_the_company_agenda_is_read_only() {
        BookingFixture.TestSession session = booking.session(2, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        TestCompany company = booking.approvedCompany();
        TestCompany partner = booking.approvedCompany();
        // the partner meets the company's other delegate: on the company's agenda, not on this delegate's badge
        booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(partner.id(), company.id(), session.slot(2).id()));
        String login = new DelegateFixture(context).delegateAccount(company, company.delegateIds().get(1));
        TestData.logInAs(accounts, login);

        UI.getCurrent().navigate("");

        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("MyBadgeView");
        List<String> menu = find(com.vaadin.flow.component.sidenav.SideNavItem.class).all().stream()
                .map(com.vaadin.flow.component.sidenav.SideNavItem::getLabel).toList();
        // the fair map and catalogue are for everyone logged in; messages because delegates write in the company's
        // name; no leads: the company has no stand (an exhibitor's delegates have them, LeadScanViewTest)
        assertThat(menu).containsExactlyInAnyOrder("Мой бейдж и расписание", "Расписание компании", "Уведомления",
                "Сообщения", "Смена пароля", "Выставка-ярмарка", "Продукция экспонентов");
        assertThat(text((Component) getCurrentView())).contains("Встреч и мероприятий пока нет");

        UI.getCurrent().navigate("company-agenda");
        String partnerName = jdbc.queryForObject("select short_name from company where id = ?", String.class,
                partner.id());
        assertThat(text((Component) getCurrentView())).contains("10:40–11:00", "Встреча с " + partnerName,
                session.hallName() + ", стол № 1", "Участники от вашей компании: Иван Петров")
                .as("the delegate is one of the company's people, not someone with delegates of their own (ux59)")
                .doesNotContain("Ваши участники");
        assertThat(find(Button.class).from((Component) getCurrentView()).all()).as("nothing to change here").isEmpty();
        // but the delegate writes to the company they meet, in their company's name (the empty messages page says so)
        assertThat(find(com.vaadin.flow.component.html.Anchor.class).id("message-link-" + partner.id()).getHref())
                .isEqualTo("messages/" + partner.id());
    }

    @Test
    void a_badge_of_a_delegate_removed_in_another_tab_is_not_a_failed_download_but_words_and_the_list_afresh() {
        TestCompany company = booking.approvedCompany();
        long anna = company.delegateIds().get(1);
        TestData.logInAs(accounts, company.loginEmail());
        DelegatesView view = navigate(DelegatesView.class);
        DelegateAccess shown = invitations.myDelegates().stream().filter(d -> d.delegateId() == anna).findFirst()
                .orElseThrow();
        booking.removeDelegate(company, anna); // in another tab

        // before: AccessDeniedException out of the download handler (500, its trace in the log)
        DownloadResponse response = view.badge(shown, UI.getCurrent());
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);

        assertThat(response.hasError()).isTrue();
        assertThat(response.getError()).isEqualTo(410);
        assertThat(notifications()).anySatisfy(n -> assertThat(n).contains("Anna Smirnova", "больше нет в списке"));
        assertThat(row(view, anna)).as("the list read again").isNull();
        assertThat(view.badge(invitations.myDelegates().getFirst(), UI.getCurrent()).hasError()).isFalse();
    }

    @Test
    void a_calendar_link_asked_for_by_a_delegate_removed_while_their_badge_page_was_open_is_refused_in_words() {
        TestCompany company = booking.approvedCompany();
        long anna = company.delegateIds().get(1);
        TestData.logInAs(accounts, new DelegateFixture(context).delegateAccount(company, anna));
        // the page as it stood before the removal: its live update would say so on the page by itself (ux63)
        live.stop();
        try {
            UI.getCurrent().navigate("my-badge");
            booking.removeDelegate(company, anna); // after the click's session check

            test(find(Button.class).id("calendar-new-link")).click();
        } finally {
            live.start();
        }

        // before: AccessDeniedException out of the click, the error page
        assertThat(find(Notification.class).all().stream().map(n -> test(n).getText()).toList())
                .anyMatch(text -> text.startsWith("Ваша компания убрала вас из списка своих участников"));
        assertThat(find(Component.class).withId("calendar-link").exists()).as("no link shown").isFalse();
    }

    @Test
    void a_badge_that_cannot_be_made_at_the_click_says_so_on_the_page() {
        TestCompany company = booking.approvedCompany();
        TestData.logInAs(accounts, company.loginEmail());
        navigate(DelegatesView.class);
        Anchor badge = find(Anchor.class).id("badge-" + company.firstDelegate());
        // refused (here: the log-in ended meanwhile; at the forum, the database away): before, a failed download and
        // the page as it was
        TestData.logOut();
        org.assertj.core.api.Assertions.catchThrowable(() -> test(badge).download(new java.io.ByteArrayOutputStream()));

        assertThat(notifications()).singleElement().asString()
                .startsWith("Что-то пошло не так, действие не выполнено. Ваши данные в сохранности.");
    }

    @Test
    void the_agenda_and_badge_pages_of_a_delegate_their_company_removed_meanwhile_say_so_instead_of_an_error_page() {
        TestCompany company = booking.approvedCompany();
        long anna = company.delegateIds().get(1);
        String login = new DelegateFixture(context).delegateAccount(company, anna);
        TestData.logInAs(accounts, login);
        booking.removeDelegate(company, anna); // after this request's session check

        UI.getCurrent().navigate("company-agenda");

        // before: the agenda's read of the delegate's company found no row (ErrorView, the trace in the log)
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("CompanyAgendaView");
        assertThat(text(find(Component.class).id("company-agenda-removed")))
                .contains("Ваша компания убрала вас из списка своих участников");

        UI.getCurrent().navigate("my-badge"); // before: an AccessDeniedException, the error page
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("MyBadgeView");
        assertThat(text(find(Component.class).id("my-badge-removed")))
                .contains("Ваша компания убрала вас из списка своих участников");
    }

    @Test
    void the_badge_download_of_a_delegate_their_company_removed_after_the_page_showed_says_so_in_those_words() {
        // before ux62's GoneDownload here: 'something went wrong' and an error with its trace in the log
        assertThat(downloadedAfterTheDelegateIsRemoved("download-badge")).as("no badge").isZero();

        assertThat(notifications()).singleElement().asString()
                .contains("Ваша компания убрала вас из списка своих участников");
    }

    /**
     * The calendar's download on the badge page: before, a link to /my-calendar.ics, whose 410 with the words the
     * browser showed as a failed download, the page as it was (review60's doubt, review62).
     */
    @Test
    void the_calendar_download_of_a_delegate_their_company_removed_after_the_page_showed_says_so_in_those_words() {
        assertThat(downloadedAfterTheDelegateIsRemoved("calendar-download")).as("no calendar").isZero();

        assertThat(notifications()).singleElement().asString()
                .contains("Ваша компания убрала вас из списка своих участников");
    }

    /**
     * A delegate opens their badge page, their company removes them in another tab, then they click the download
     * {@code anchorId}: the bytes they get, the page's pushed notices run.
     */
    private int downloadedAfterTheDelegateIsRemoved(String anchorId) {
        TestCompany company = booking.approvedCompany();
        long anna = company.delegateIds().get(1);
        TestData.logInAs(accounts, new DelegateFixture(context).delegateAccount(company, anna));
        UI.getCurrent().navigate("my-badge");
        Anchor download = find(Anchor.class).id(anchorId);
        booking.removeDelegate(company, anna); // in another tab

        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        org.assertj.core.api.Assertions.catchThrowable(() -> test(download).download(file));
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
        return file.size();
    }

    private static Component row(DelegatesView view, long delegateId) {
        return view.list.getChildren().filter(c -> c.getId().orElse("").equals("delegate-" + delegateId))
                .findFirst().orElse(null);
    }

    private List<String> notifications() {
        return find(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }

    private static String text(Component component) {
        assertThat(component).isNotNull();
        return component.getElement().getTextRecursively();
    }
}
