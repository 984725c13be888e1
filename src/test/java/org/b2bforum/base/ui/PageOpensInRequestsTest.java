package org.b2bforum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;

/** The application's Vaadin service lets page opens take turns: a navigation in a request holds a place until it ends. */
@SpringBootTest
class PageOpensInRequestsTest extends ForumBrowserlessTest {

    @Autowired
    PageOpens opens;
    @Autowired
    RegistrationService registrations;
    @Autowired
    AccountService accounts;

    @Test
    void a_page_opened_in_a_request_holds_a_place_until_the_request_ends_and_one_opened_outside_none() {
        RegistrationForm application = TestData.registrationForm();
        registrations.register(application);
        TestData.logInAs(accounts, application.getLoginEmail());
        int before = opens.opening();

        navigate("no-such-page", PageNotFoundView.class); // no request Vaadin handles: nothing held
        assertThat(opens.opening()).isEqualTo(before);

        VaadinService service = VaadinService.getCurrent();
        VaadinRequest request = VaadinRequest.getCurrent();
        VaadinResponse response = VaadinResponse.getCurrent();
        service.requestStart(request, response);
        try {
            navigate("no-such-page", PageNotFoundView.class);
            assertThat(opens.opening()).isEqualTo(before + 1);
        } finally {
            service.requestEnd(request, response, null);
        }
        assertThat(opens.opening()).isEqualTo(before);
    }
}
