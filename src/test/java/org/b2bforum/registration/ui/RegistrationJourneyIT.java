package org.b2bforum.registration.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.b2bforum.RunningServerTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.ConfirmedAtOnce;
import org.b2bforum.base.ui.BrowserJourney;
import org.b2bforum.base.ui.Chromium;
import org.b2bforum.program.ProgramService;
import org.b2bforum.registration.RegistrationForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * The whole approval journey in a real browser: register, get approved, see it. Runs the server
 * without Vaadin's development tools, whose pop-ups would cover the page. A failure leaves a
 * screenshot in {@code target/playwright}.
 */
@RunningServerTest
class RegistrationJourneyIT extends BrowserJourney {

    @LocalServerPort
    int port;
    @Value("${b2bforum.organizer.email}")
    String organizerEmail;
    @Value("${b2bforum.organizer.password}")
    String organizerPassword;

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);
    private static final String SENDER = "registrationJourneyMailSender";
    private static final Pattern CONFIRMATION_LINK = Pattern.compile(
            "https?://\\S+/(confirm-email/[A-Za-z0-9_-]{43})");

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    ProgramService program;
    @Autowired
    AccountService accounts;

    /**
     * With a mail server (ux68): the page asks to confirm the e-mail and sends the link again on request; the
     * organizer sees the application unconfirmed and cannot approve it; the link from the e-mail confirms it once;
     * then the approval as before.
     */
    @Test
    void a_company_registers_an_organizer_approves_it_and_the_company_sees_the_approval() throws Exception {
        RegistrationForm application = TestData.registrationForm();
        application.setLoginEmail(TestData.uniqueEmail(ConfirmedAtOnce.BY_LINK));
        // A city of its own makes the application easy to find in a queue that other tests fill too.
        String city = "Заречный " + TestData.unique();
        // the organizer in a browser of their own (a context: its own cookies), as an organizer and a company are: the
        // queue stays open while the company confirms its address, instead of a log-out and a log-in again (two fresh
        // page loads and a log-in; bench/README.md, run-suite, stop 49)
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("ru-RU")
                .setViewportSize(1280, 1000));
                BrowserContext contextOfOrganizer = browser.newContext(new Browser.NewContextOptions().setLocale("ru-RU")
                        .setViewportSize(1280, 1000))) {
            Page page = context.newPage();
            Page pageOfOrganizer = contextOfOrganizer.newPage();
            page.setDefaultTimeout(30_000);
            pageOfOrganizer.setDefaultTimeout(30_000);
            Page failed = page;
            try {
                String link = registerWithMailServer(page, application, city);
                // the organizer logged in over HTTP (the form is the company's, below); organizers start at the
                // approval queue
                failed = pageOfOrganizer;
                // the start page leads organizers to the program while the forum has no day (ux90): this journey may
                // be the first on the server's database
                TestData.logInAsOrganizer(accounts);
                try {
                    if (program.days().isEmpty()) {
                        TestData.addFreeDay(program, day -> { });
                    }
                } finally {
                    TestData.logOut();
                }
                logInAtStartPage(pageOfOrganizer, port, organizerEmail, organizerPassword, "registrations");
                cannotApproveYet(pageOfOrganizer, application, city);
                failed = page;
                page.navigate(url(link));
                assertThat(page.locator("#confirm-email-message")).containsText("адрес электронной почты подтверждён");
                page.navigate(url(link));
                assertThat(page.locator("#confirm-email-message")).containsText("уже подтверждён");
                page.locator("#confirm-email-next").click();
                page.waitForURL(Pattern.compile(".*/login$"));
                // the organizer's page, still at the application, back to the queue as the menu takes them
                failed = pageOfOrganizer;
                Chromium.open(pageOfOrganizer, "registrations");
                approve(pageOfOrganizer, application, city);
                logOut(pageOfOrganizer);
                // An approved company starts at its suggested partners; its application is in the menu. Its page is at
                // the log-in the confirmation led to.
                failed = page;
                logIn(page, application.getLoginEmail(), application.getPassword(), "partners");
                page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Моя заявка")).click();
                page.waitForURL(Pattern.compile(".*/my-registration$"));
                seeApproval(page);
            } catch (RuntimeException | AssertionError e) {
                Path screenshot = Path.of("target", "playwright", "registration-journey.png");
                failed.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(screenshot));
                System.err.println("The journey failed at " + failed.url() + ", see " + screenshot.toAbsolutePath());
                throw e;
            }
        }
    }

    /**
     * Registers with a mail server in the server's context, only while the link is mailed (twice): the browser journeys
     * beside this one would otherwise mail too (their registrations are confirmed at once, {@link ConfirmedAtOnce}).
     *
     * @return the path of the first link
     */
    private String registerWithMailServer(Page page, RegistrationForm application, String city) throws Exception {
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost("127.0.0.1");
        smtp.setPort(SMTP.getSmtp().getPort());
        beans.registerSingleton(SENDER, smtp);
        try {
            register(page, application, city);
            assertThat(page.locator("#registration-submitted")).hasText("Подтвердите адрес электронной почты");
            assertThat(page.locator("#confirmation-sent")).containsText(application.getLoginEmail());
            page.locator("#resend-confirmation").click();
            assertThat(page.locator("#confirmation-resent")).containsText("новая ссылка уже отправлена");
            // the journeys beside this one may mail meanwhile too: this company's two
            long until = System.nanoTime() + 20_000_000_000L;
            while (SMTP.getReceivedMessagesForDomain(application.getLoginEmail()).length < 2
                    && System.nanoTime() < until) {
                Thread.sleep(50);
            }
        } finally {
            beans.destroySingleton(SENDER);
        }
        MimeMessage[] messages = SMTP.getReceivedMessagesForDomain(application.getLoginEmail());
        org.assertj.core.api.Assertions.assertThat(messages).hasSize(2);
        Matcher link = CONFIRMATION_LINK.matcher((String) messages[0].getContent());
        org.assertj.core.api.Assertions.assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private void cannotApproveYet(Page page, RegistrationForm application, String city) {
        filterByCity(page, city);
        assertThat(page.locator("#registrations-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("Адрес не подтверждён").setVisible(true))).hasCount(1);
        queueOnAPhone(page, application, city);
        openFromQueue(page, application);
        assertThat(page.locator("#email-not-confirmed")).containsText("не подтверждён");
        assertThat(page.locator("#approve")).isDisabled();
    }

    /**
     * The queue at a phone's width (ux80: at 390 px it scrolled sideways, the status off the screen and the city cut,
     * "Minsk, Be"): the company with its city under its name and its status beside it, all inside the screen, and
     * nothing to scroll sideways to; the desktop's five columns again at 1280 px. Measured in one go in the browser.
     */
    private static void queueOnAPhone(Page page, RegistrationForm application, String city) {
        String shown = "n => [...document.querySelectorAll('#registrations-grid > vaadin-grid-column')]"
                + ".filter(column => !column.hidden).length === n";
        page.waitForFunction(shown, 5);
        Chromium.width(page, 390);
        page.waitForFunction(shown, 2);
        String where = (String) page.evaluate("""
                ([name, place]) => {
                  const grid = document.querySelector('#registrations-grid');
                  const table = grid.shadowRoot.querySelector('#table');
                  const cells = [...grid.querySelectorAll('vaadin-grid-cell-content')]
                      .filter(cell => cell.getBoundingClientRect().height > 0);
                  const company = cells.find(cell => cell.querySelector('.queue-company-name')?.textContent === name);
                  const status = cells.find(cell => cell.textContent.includes('Адрес не подтверждён'));
                  if (!company || !status) return 'no row: company ' + !!company + ', status ' + !!status;
                  const city = company.querySelector('.queue-company-place');
                  const inside = e => e.getBoundingClientRect().left >= 0
                      && e.getBoundingClientRect().right <= window.innerWidth + 1 && e.scrollWidth <= e.clientWidth + 1;
                  const checks = {
                    'nothing to scroll sideways': table.scrollWidth <= table.clientWidth + 1,
                    'the city under the name': city.textContent === place && city.getBoundingClientRect().top
                        >= company.querySelector('.queue-company-name').getBoundingClientRect().bottom - 1,
                    'the company inside the screen': inside(company) && inside(city),
                    'the status inside the screen': inside(status.firstElementChild),
                  };
                  const failed = Object.keys(checks).filter(check => !checks[check]);
                  return failed.length === 0 ? 'fits' : failed.join(', ') + ' (table ' + table.scrollWidth + '/'
                      + table.clientWidth + ', status ' + status.getBoundingClientRect().right + ')';
                }""", List.of(application.getShortName(), city + ", Россия"));
        org.assertj.core.api.Assertions.assertThat(where).as("the queue at 390 px").isEqualTo("fits");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "playwright", "queue-phone.png")));
        Chromium.width(page, 1280);
        page.waitForFunction(shown, 5);
    }

    private static void filterByCity(Page page, String city) {
        Locator cityFilter = page.locator("vaadin-combo-box#filter-city input");
        cityFilter.fill(city);
        cityFilter.press("Enter");
        Chromium.settle(page);
    }

    /** Opens the application from the filtered queue: it carries the filter (?city=…) on its way back. */
    private static void openFromQueue(Page page, RegistrationForm application) {
        // The grid reuses its row elements: rows it no longer needs keep their old text, hidden.
        Locator row = page.locator("#registrations-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(application.getShortName()).setVisible(true));
        assertThat(row).hasCount(1);
        row.click();
        page.waitForURL(Pattern.compile(".*/registrations/\\d+\\?.*city=.*$"));
    }

    private void register(Page page, RegistrationForm application, String city) {
        page.navigate(url("register"), new Page.NavigateOptions().setTimeout(120_000));
        Chromium.settle(page);
        type(page, "fullName", application.getFullName());
        type(page, "shortName", application.getShortName());
        type(page, "taxNumber", application.getTaxNumber());

        Locator cityInput = page.locator("vaadin-combo-box#city input");
        cityInput.fill(city);
        cityInput.press("Enter");
        Chromium.settle(page);
        page.locator("#country vaadin-radio-button").filter(new Locator.FilterOptions().setHasText("Россия")).click();

        Locator sectors = page.locator("vaadin-multi-select-combo-box#sectors input");
        sectors.fill("ИТ");
        page.locator("vaadin-multi-select-combo-box-item").filter(
                new Locator.FilterOptions().setHasText("ИТ и цифровые технологии")).click();
        sectors.press("Escape");

        page.locator("#description textarea").fill(application.getDescription());
        page.locator("#offers textarea").fill(application.getOffers());
        page.locator("#seeks textarea").fill(application.getSeeks());
        type(page, "website", application.getWebsite());
        type(page, "contactPerson", application.getContactPerson());
        type(page, "email", application.getEmail());
        type(page, "phone", application.getPhone());

        List<RegistrationForm.DelegateForm> delegates = application.getDelegates();
        for (int i = 0; i < delegates.size(); i++) {
            if (i > 0) {
                page.locator("#add-delegate").click();
            }
            RegistrationForm.DelegateForm delegate = delegates.get(i);
            type(page, "delegates-" + i + "-fullName", delegate.getFullName());
            type(page, "delegates-" + i + "-position", delegate.getPosition());
            type(page, "delegates-" + i + "-email", delegate.getEmail());
            type(page, "delegates-" + i + "-phone", delegate.getPhone());
        }
        type(page, "loginEmail", application.getLoginEmail());
        type(page, "password", application.getPassword());
        type(page, "passwordConfirmation", application.getPasswordConfirmation());
        page.locator("#consent input").check();
        Chromium.settle(page);

        // In demo mode a banner covers the foot of every page (DemoBanner, forum.css); scrolled to its end, the page
        // shows its last button above it. (Before, it stayed under the banner: the room was made on the body.)
        page.evaluate("""
                () => {
                  const banner = document.createElement('div');
                  banner.className = 'demo-banner';
                  banner.textContent = 'DEMO';
                  document.body.append(banner);
                  document.body.classList.add('demo-mode');
                  document.scrollingElement.scrollTop = document.scrollingElement.scrollHeight;
                }""");
        double buttonFoot = ((Number) page.evaluate(
                "() => document.querySelector('#submit-registration').getBoundingClientRect().bottom")).doubleValue();
        double bannerTop = ((Number) page.evaluate(
                "() => document.querySelector('.demo-banner').getBoundingClientRect().top")).doubleValue();
        org.assertj.core.api.Assertions.assertThat(buttonFoot).as("the button's foot, scrolled to the end")
                .isLessThanOrEqualTo(bannerTop);
        page.locator("#submit-registration").click();
    }

    /**
     * On the log-in page the browser shows, a wrong password first: the page says so and keeps the e-mail typed (not the
     * password), so that only the password is typed again.
     */
    private void logIn(Page page, String email, String password, String startPage) {
        Chromium.settle(page);
        page.locator("#vaadinLoginUsername input").fill(email);
        page.locator("#vaadinLoginPassword input").fill(password + "-typo");
        page.locator("#vaadinLoginPassword input").press("Enter");
        page.waitForURL(Pattern.compile(".*/login\\?error$"));
        assertThat(page.locator("vaadin-login-form")).containsText("Не удалось войти");
        assertThat(page.locator("#vaadinLoginUsername input")).hasValue(email);
        assertThat(page.locator("#vaadinLoginPassword input")).hasValue("");
        page.locator("#vaadinLoginPassword input").fill(password);
        page.locator("#vaadinLoginPassword input").press("Enter");
        // Organizers start at the approval queue, approved companies at their partners, others at their application.
        page.waitForURL(Pattern.compile(".*/" + startPage + "([?#].*)?$"));
        Chromium.settle(page);
    }

    private void approve(Page page, RegistrationForm application, String city) {
        filterByCity(page, city);
        openFromQueue(page, application);
        assertThat(page.locator("h1")).hasText(application.getShortName());
        page.locator("#approve").click();
        assertThat(page.locator("#registration-status")).hasText("Одобрена");
        assertThat(page.locator("#approve")).hasCount(0);

        page.locator("#back-to-queue").click();
        page.waitForURL(Pattern.compile(".*/registrations\\?.*city=.*$"));
        Chromium.settle(page);
        assertThat(page.locator("vaadin-combo-box#filter-city input")).hasValue(city);
    }

    private void logOut(Page page) {
        page.locator("#logout-button").click();
        page.waitForURL(Pattern.compile(".*/login$"));
    }

    private void seeApproval(Page page) {
        assertThat(page.locator("#registration-status")).containsText("Одобрена");

        page.locator("#lang-en").click();
        assertThat(page.locator("#registration-status")).containsText("Approved");
        assertThat(page.locator("#status-explanation")).hasText("Your application is approved. Welcome to the forum!");
    }

    private static void type(Page page, String id, String text) {
        page.locator("#" + id + " input").fill(text);
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }
}
