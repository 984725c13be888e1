package org.b2bforum.base.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.RunningServerTest;
import org.b2bforum.TestData;
import org.b2bforum.meeting.MeetingRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Health, metrics and backups of the running application (the same context as the browser journeys), beside the
 * other classes: the backup's comparison reads its own companies' meetings, and the booking settings it opens (instant
 * booking) are held from the journeys that book. The connection rush, which stops the server accepting, is
 * {@link ConnectionRushIT}, alone.
 */
// instant booking open: not while the journeys that book need their settings (RunningServerTest.BOOKING_SETTINGS)
@ResourceLock(value = RunningServerTest.BOOKING_SETTINGS, mode = ResourceAccessMode.READ_WRITE)
@RunningServerTest
class OperationsIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeetingRequests meetingRequests;
    @Autowired
    BackupService backups;
    @Value("${b2bforum.organizer.email}")
    String organizerEmail;
    @Value("${b2bforum.organizer.password}")
    String organizerPassword;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBackupRestoredIntoAFreshDatabaseHasTheSameMeetings() throws Exception {
        BookingFixture fixture = new BookingFixture(context);
        fixture.openBooking(true);
        TestSession session = fixture.session(2, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        TestCompany a = fixture.approvedCompany();
        TestCompany b = fixture.approvedCompany();
        TestCompany c = fixture.approvedCompany();
        fixture.as(a, () -> meetingRequests.request(b.id(), session.slot(0).id(), List.of(a.firstDelegate()), "ok").meetingId());
        fixture.as(c, () -> meetingRequests.request(a.id(), session.slot(1).id(), List.of(c.firstDelegate()), null).meetingId());
        // this test's meetings: the classes beside it book too, before and after the dump's snapshot
        String meetingsQuery = "select id, requester_company_id, partner_company_id, slot_id, status, table_id"
                + " from %s.meeting where requester_company_id in (?, ?, ?) order by id";
        List<Map<String, Object>> before = jdbc.queryForList(meetingsQuery.formatted("forum"), a.id(), b.id(), c.id());

        Path backup = backups.backup();
        backups.restore(backup, "restore_check");

        try {
            assertThat(Files.size(backup)).isPositive();
            assertThat(backups.backups()).contains(backup);
            assertThat(before).hasSize(2);
            assertThat(jdbc.queryForList(meetingsQuery.formatted("restore_check"), a.id(), b.id(), c.id()))
                    .isEqualTo(before);
        } finally {
            jdbc.execute("drop database if exists restore_check");
            Files.deleteIfExists(backup);
        }
    }

    @Test
    void healthIsPublicAndSaysNoMoreThanUpOrDown() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> response = get(path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("\"status\":\"UP\"").doesNotContain("components")
                    .doesNotContain("details");
        }
    }

    @Test
    void metricsNeedAnOrganizerAndShowTheForumsOwnFigures() throws Exception {
        HttpResponse<String> anonymous = get("/actuator/prometheus", null);
        assertThat(anonymous.statusCode()).as(anonymous.headers().map().toString()).isEqualTo(401);
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
        // a wrong password is a 401 too, not a redirect to the log-in page that a scrape follows (ops1, stop 46)
        HttpResponse<String> wrong = get("/actuator/prometheus", "no-such-scraper@forum.example.org:Wrong-Password-2026");
        assertThat(wrong.statusCode()).as(wrong.headers().map().toString()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"b2b-forum\", charset=\"UTF-8\"");
        BookingFixture fixture = new BookingFixture(context);
        TestCompany company = fixture.approvedCompany();
        assertThat(get("/actuator/prometheus", company.loginEmail() + ":" + TestData.COMPANY_PASSWORD).statusCode())
                .isEqualTo(403);

        fixture.openBooking(true);
        TestSession session = fixture.session(1, LocalTime.of(12, 0), LocalTime.of(13, 0), 20);
        TestCompany partner = fixture.approvedCompany();
        fixture.as(company, () -> meetingRequests.request(partner.id(), session.slot(0).id(), List.of(company.firstDelegate()),
                null).meetingId());

        HttpResponse<String> metrics = get("/actuator/prometheus", organizerEmail + ":" + organizerPassword);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("forum_bookings_total{application=\"b2b-forum\",outcome=\"attempted\"}")
                .contains("forum_bookings_total{application=\"b2b-forum\",outcome=\"confirmed\"}")
                .contains("forum_ui_sessions")
                // both pools of the node, the booking steps' own too (ops5: until then the application's alone)
                .contains("hikaricp_connections_active{application=\"b2b-forum\",pool=\"embedded-mariadb\"}")
                .contains("hikaricp_connections_pending{application=\"b2b-forum\",pool=\"embedded-mariadb-booking\"}")
                .contains("http_server_requests_seconds_count")
                // each filter and each @PreAuthorize observed cost a tenth of the CPU at the booking rush
                .doesNotContain("spring_security_filterchains").doesNotContain("spring_security_authorizations");
    }

    private HttpResponse<String> get(String path, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
