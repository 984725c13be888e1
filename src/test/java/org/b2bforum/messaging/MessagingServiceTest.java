package org.b2bforum.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.DelegateFixture;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.meeting.BookingRefusedException;
import org.b2bforum.meeting.MeetingRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@ForumSpringTest
class MessagingServiceTest {

    @Autowired
    MessagingService messaging;
    @Autowired
    MeetingRequests meetings;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    BookingFixture fixture;
    TestCompany minsk;
    TestCompany moscow;

    @BeforeEach
    void setUp() {
        fixture = new BookingFixture(context);
        minsk = fixture.approvedCompany();
        moscow = fixture.approvedCompany();
    }

    @AfterEach
    void logOut() {
        TestData.logOut();
    }

    @Test
    void a_message_reaches_the_other_company_with_the_writers_name_and_counts_as_unread_until_read() {
        fixture.as(minsk, () -> messaging.send(moscow.id(), "Добрый день! План встречи: https://plan.example.ru"));

        fixture.as(moscow, () -> {
            assertThat(messaging.unreadCount()).isEqualTo(1);
            Conversation conversation = messaging.conversationWith(minsk.id());
            assertThat(conversation.messages()).singleElement().satisfies(message -> {
                assertThat(message.body()).isEqualTo("Добрый день! План встречи: https://plan.example.ru");
                assertThat(message.senderName()).isEqualTo(minsk.user().displayName());
                assertThat(message.mine()).isFalse();
            });
            assertThat(messaging.myConversations()).singleElement().extracting(ConversationSummary::unread)
                    .isEqualTo(1);
            messaging.markRead(minsk.id());
            assertThat(messaging.unreadCount()).isZero();
        });
        fixture.as(minsk, () -> assertThat(messaging.unreadCount()).isZero());
    }

    @Test
    void a_delegate_writes_in_the_companys_name_and_reads_its_conversations() {
        DelegateFixture delegates = new DelegateFixture(context);
        String delegateEmail = delegates.delegateAccount(minsk, minsk.firstDelegate());
        fixture.as(moscow, () -> messaging.send(minsk.id(), "Вопрос к вашей команде"));

        TestData.logInAs(accounts, delegateEmail);
        assertThat(messaging.unreadCount()).isEqualTo(1);
        ChatMessage reply = messaging.send(moscow.id(), "Отвечаю от имени компании");
        TestData.logOut();

        assertThat(reply.senderName()).isEqualTo("Иван Петров");
        fixture.as(moscow, () -> assertThat(messaging.conversationWith(minsk.id()).messages())
                .extracting(ChatMessage::senderName, ChatMessage::senderCompanyId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(moscow.user().displayName(), moscow.id()),
                        org.assertj.core.groups.Tuple.tuple("Иван Петров", minsk.id())));
    }

    @Test
    void only_the_two_companies_read_a_conversation_and_organizers_only_once_it_is_reported() {
        TestCompany outsider = fixture.approvedCompany();
        fixture.as(minsk, () -> messaging.send(moscow.id(), "Только для вас"));
        long conversationId = conversationId(minsk, moscow);

        fixture.as(outsider, () -> {
            assertThat(messaging.conversationWith(minsk.id()).messages()).isEmpty();
            assertThat(messaging.myConversations()).isEmpty();
        });
        fixture.asOrganizer(() -> assertThatThrownBy(() -> messaging.reportedMessages(conversationId))
                .isInstanceOf(AccessDeniedException.class));
        fixture.as(outsider, () -> assertThatThrownBy(() -> messaging.reportedMessages(conversationId))
                .isInstanceOf(AccessDeniedException.class));

        fixture.as(moscow, () -> messaging.report(minsk.id(), "Спам"));

        fixture.asOrganizer(() -> {
            assertThat(messaging.reportedMessages(conversationId)).extracting(ChatMessage::body)
                    .containsExactly("Только для вас");
            assertThat(messaging.reportedConversations()).anySatisfy(r -> {
                assertThat(r.conversationId()).isEqualTo(conversationId);
                assertThat(r.reason()).isEqualTo("Спам");
            });
        });
    }

    @Test
    void a_pending_company_and_an_organizer_cannot_write() {
        TestCompany pending = fixture.pendingCompany();
        // refused in words: a company sent back to review while its page was open reads why, not an error page
        fixture.as(pending, () -> assertThatThrownBy(() -> messaging.send(moscow.id(), "Привет"))
                .isInstanceOf(MessageRefusedException.class)
                .hasMessage("messages.error.own-company-unavailable"));
        fixture.asOrganizer(() -> assertThatThrownBy(() -> messaging.send(moscow.id(), "Привет"))
                .isInstanceOf(AccessDeniedException.class));
        assertThat(messageCount(moscow)).isZero();
    }

    @Test
    void a_company_not_approved_that_one_never_wrote_with_shows_no_name_and_one_written_with_keeps_its_history() {
        TestCompany pending = fixture.pendingCompany();
        TestCompany rejected = fixture.approvedCompany();
        fixture.as(minsk, () -> messaging.send(rejected.id(), "Добрый день"));
        fixture.withdrawApproval(rejected);

        fixture.as(moscow, () -> {
            assertRefused(() -> messaging.conversationWith(pending.id()), "messages.error.company-unavailable");
            assertRefused(() -> messaging.conversationWith(rejected.id()), "messages.error.company-unavailable");
            assertRefused(() -> messaging.setContactState(pending.id(), ContactState.BLOCK),
                    "messages.error.company-unavailable");
        });
        fixture.as(minsk, () -> {
            Conversation kept = messaging.conversationWith(rejected.id());
            assertThat(kept.messages()).extracting(ChatMessage::body).containsExactly("Добрый день");
            assertThat(kept.otherApproved()).isFalse();
            assertThat(kept.canWrite()).isFalse();
        });
        assertThat(jdbc.queryForObject("select count(*) from company_contact_block where company_id = ?",
                Integer.class, moscow.id())).isZero();
    }

    @Test
    void bad_messages_are_refused_in_words_and_nothing_is_saved() {
        TestCompany rejected = fixture.approvedCompany();
        fixture.withdrawApproval(rejected);
        fixture.as(minsk, () -> {
            assertRefused(() -> messaging.send(moscow.id(), "   "), "messages.error.empty");
            assertRefused(() -> messaging.send(moscow.id(), "x".repeat(2001)), "messages.error.too-long");
            assertRefused(() -> messaging.send(moscow.id(), "null\u0000byte"), "messages.error.control-characters");
            assertRefused(() -> messaging.send(minsk.id(), "Себе"), "messages.error.self");
            assertRefused(() -> messaging.send(rejected.id(), "Привет"), "messages.error.company-unavailable");
        });
        assertThat(messageCount(minsk)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from conversation where company_a in (?, ?)"
                + " or company_b in (?, ?)", Integer.class, minsk.id(), rejected.id(), minsk.id(), rejected.id()))
                .isZero();
    }

    @Test
    void more_than_ten_messages_a_minute_are_refused() {
        fixture.as(minsk, () -> {
            for (int i = 0; i < MessagingService.PER_MINUTE; i++) {
                messaging.send(moscow.id(), "Сообщение " + i);
            }
            assertRefused(() -> messaging.send(moscow.id(), "Ещё одно"), "messages.error.flood");
        });
        assertThat(messageCount(minsk)).isEqualTo(MessagingService.PER_MINUTE);
    }

    @Test
    void a_blocked_company_can_neither_write_nor_request_a_meeting_and_the_history_stays() {
        fixture.openBooking(false);
        TestSession session = fixture.session(2, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        fixture.as(moscow, () -> messaging.send(minsk.id(), "Первое сообщение"));
        fixture.as(minsk, () -> messaging.setContactState(moscow.id(), ContactState.BLOCK));

        fixture.as(moscow, () -> {
            assertRefused(() -> messaging.send(minsk.id(), "Ещё раз"), "messages.error.blocked");
            assertThat(messaging.conversationWith(minsk.id()).canWrite()).isFalse();
            assertThatThrownBy(() -> meetings.request(minsk.id(), session.slot(0).id(), List.of(), null))
                    .isInstanceOfSatisfying(BookingRefusedException.class,
                            e -> assertThat(e.getMessage()).isEqualTo("meeting.error.blocked"));
        });
        fixture.as(minsk, () -> {
            assertRefused(() -> messaging.send(moscow.id(), "Ответ"), "messages.error.you-blocked");
            assertThat(messaging.conversationWith(moscow.id()).messages()).extracting(ChatMessage::body)
                    .containsExactly("Первое сообщение");
            messaging.setContactState(moscow.id(), ContactState.NONE);
        });
        fixture.as(moscow, () -> messaging.send(minsk.id(), "Снова можно"));
        assertThat(messageCount(moscow)).isEqualTo(2);
    }

    /** The blocked company's open page closes its composer at once (it offered "Send" until the next visit). */
    @Test
    void a_block_and_its_end_reach_the_other_companys_open_pages_and_muting_reaches_nobody_else() {
        fixture.as(moscow, () -> messaging.send(minsk.id(), "Первое сообщение"));

        assertThat(liveChangesAfter(() -> fixture.as(minsk, () -> messaging.setContactState(moscow.id(),
                ContactState.BLOCK)))).containsExactlyInAnyOrder(minsk.id(), moscow.id());
        assertThat(liveChangesAfter(() -> fixture.as(minsk, () -> messaging.setContactState(moscow.id(),
                ContactState.MUTE)))).containsExactlyInAnyOrder(minsk.id(), moscow.id());
        assertThat(liveChangesAfter(() -> fixture.as(minsk, () -> messaging.setContactState(moscow.id(),
                ContactState.NONE)))).containsExactly(minsk.id());
        assertThat(liveChangesAfter(() -> fixture.as(minsk, () -> messaging.setContactState(moscow.id(),
                ContactState.BLOCK)))).containsExactlyInAnyOrder(minsk.id(), moscow.id());
        assertThat(liveChangesAfter(() -> fixture.as(minsk, () -> messaging.setContactState(moscow.id(),
                ContactState.NONE)))).containsExactlyInAnyOrder(minsk.id(), moscow.id());
    }

    private List<Long> liveChangesAfter(Runnable change) {
        long last = jdbc.queryForObject("select coalesce(max(id), 0) from live_change", Long.class);
        change.run();
        return jdbc.queryForList("select company_id from live_change where id > ? and kind = 'MESSAGE'"
                + " and company_id in (?, ?)", Long.class, last, minsk.id(), moscow.id());
    }

    @Test
    void a_muted_company_still_writes_but_its_messages_are_not_counted_as_unread() {
        fixture.as(minsk, () -> messaging.setContactState(moscow.id(), ContactState.MUTE));
        fixture.as(moscow, () -> messaging.send(minsk.id(), "Реклама"));
        fixture.as(minsk, () -> {
            assertThat(messaging.unreadCount()).isZero();
            assertThat(messaging.conversationWith(moscow.id()).messages()).hasSize(1);
        });
    }

    private void assertRefused(Runnable send, String key) {
        assertThatThrownBy(send::run).isInstanceOfSatisfying(MessageRefusedException.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    private long conversationId(TestCompany a, TestCompany b) {
        return jdbc.queryForObject("select id from conversation where company_a = ? and company_b = ?", Long.class,
                Math.min(a.id(), b.id()), Math.max(a.id(), b.id()));
    }

    private int messageCount(TestCompany sender) {
        return jdbc.queryForObject("select count(*) from message where sender_company_id = ?", Integer.class,
                sender.id());
    }
}
