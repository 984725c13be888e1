package org.b2bforum.base.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.b2bforum.base.clock.WallClock;
import org.b2bforum.base.ops.UnavailableAwareLoginFailureHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * Vaadin's client runs code the server sends ({@code new Function}) and sets inline styles, so
     * scripts and styles need 'unsafe-inline' and 'unsafe-eval'; everything else is this origin only.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' "
            + "'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** What Spring Security's default cache control writes into Cache-Control: not stored, never reused. */
    static final String NOT_CACHED = "no-cache, no-store, max-age=0, must-revalidate";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil requestUtil, LoginGuard loginGuard,
            AccountService accounts, SecurityContextHolderStrategy contexts, @WallClock Clock clock, I18NProvider i18n,
            @Value("${server.servlet.session.timeout:30m}") Duration sessionTimeout,
            @Value("${b2bforum.session-check.busy-wait}") Duration busyWait,
            @Value("${b2bforum.session-check.max-waiting}") int maxWaiting, RecentSessionChecks recentChecks)
            throws Exception {
        // Before the log-in form too: a log-in from a log-in page left open past the timeout (its
        // heartbeats kept the session) starts afresh, rather than carrying the idle mark into the new
        // session and being logged out at the first click.
        http.addFilterBefore(new IdleSessionFilter(sessionTimeout, contexts, clock),
                UsernamePasswordAuthenticationFilter.class);
        http.addFilterBefore(loginGuard.filter(), UsernamePasswordAuthenticationFilter.class);
        // Before the anonymous filter, so that a request whose session just ended goes on as anonymous.
        http.addFilterBefore(new SessionEpochFilter(accounts, contexts, i18n, busyWait, maxWaiting, recentChecks),
                AnonymousAuthenticationFilter.class);
        // Styles and the icon serve the log-in page too. Calendar subscription links carry their own
        // secret: calendar apps fetch them without a log-in.
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/styles/**", "/images/**", "/icons/**",
                "/favicon.ico", "/calendar/*.ics").permitAll());
        // The Spring MVC endpoints (Vaadin denies any other request not named here); their services
        // check who is asking.
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/logos/*.png", "/my-calendar.ics").authenticated());
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frame -> frame.deny())
                // not cached unless the handler says so (Vaadin's bundle and the style sheets do, by setting
                // Cache-Control over this one). Spring's default also wrote "Pragma: no-cache" and "Expires: 0",
                // which a later Cache-Control does not replace: Chromium then revalidated every bundle file and
                // style sheet, "immutable" ones too, at every page load (~22 requests answered 304;
                // bench/README.md, run-suite, stop 39)
                .cacheControl(cache -> cache.disable())
                .addHeaderWriter(new StaticHeadersWriter("Cache-Control", NOT_CACHED))
                // before the request is handled: Vaadin commits its pages past the filter's response
                // wrapper, so headers written on commit never reached them
                .addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
        // Vaadin exempts its log-in URL from CSRF checks (login CSRF: a foreign page could log a
        // visitor in as someone else). Its log-in form sends the token from the page's meta tags,
        // so only Vaadin's own requests (they carry Vaadin's CSRF key) stay exempt.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(requestUtil::isFrameworkInternalRequest));
        // "temporarily unavailable" instead of "wrong password" when the accounts cannot be read; set
        // with the log-in page before Vaadin's configurer (which keeps a failure handler it finds),
        // the page first so that Spring's generated log-in page stays off; the e-mail typed is kept for the page
        UnavailableAwareLoginFailureHandler failed = new UnavailableAwareLoginFailureHandler();
        http.formLogin(form -> form.loginPage("/login").failureHandler((request, response, exception) -> {
            LoginGuard.rememberTyped(request);
            failed.onAuthenticationFailure(request, response, exception);
        }));
        // Any other address: a logged-in user's request reaches Vaadin, whose "page not found" answers in the
        // user's language (PageNotFoundView) where Spring Security's refusal was a bare 403; a visitor who is not
        // logged in is sent to the log-in page as before.
        return http.with(VaadinSecurityConfigurer.vaadin(),
                vaadin -> vaadin.loginView("/login", "/").enableCsrfConfiguration(false)
                        .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated)).build();
    }

    /**
     * The check of the views' access annotations at each navigation, with the routes' list remembered
     * ({@link RememberedRoutesAccessChecker}). A bean of its own class: Vaadin's own {@code AnnotatedViewAccessChecker}
     * bean is still made (Vaadin's auto-configuration makes it unconditionally), but no longer asked.
     */
    @Bean
    static RememberedRoutesAccessChecker rememberedRoutesAccessChecker(AccessAnnotationChecker annotations) {
        return new RememberedRoutesAccessChecker(annotations);
    }

    /**
     * Vaadin's navigation access control with that checker in place of Vaadin's (the supported way: a
     * {@link NavigationAccessControlConfigurer} bean, which replaces Vaadin's default one). Like the default, it comes
     * switched off, and {@link VaadinSecurityConfigurer} switches it on with the log-in view. Vaadin picks its own
     * checkers out of the available ones by exact class, so the subclass is given as a checker of its own.
     */
    @Bean
    static NavigationAccessControlConfigurer navigationAccessControlConfigurer(RememberedRoutesAccessChecker views) {
        return new NavigationAccessControlConfigurer().withNavigationAccessChecker(views).disabled();
    }

    /**
     * Spring Security's filters, log-ins and access checks not wrapped for observation at all. The observations
     * themselves are off ({@code management.observations.enable.spring.security=false}), but without this the filter
     * chain was still decorated: each of its ~15 filters, and each {@code @PreAuthorize}, went through a wrapper that
     * built an observation context (names concatenated) for a no-op observation, at every Vaadin request: part of the
     * booking rush's CPU in bench/run-ui-load (issue 17). {@code http_server_requests} still times each request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The log-in's check of e-mail and password, Spring's own, declared here for one setting: the password is compared
     * even when the account is switched off (or a demo account outside the demo mode), before the refusal. A refusal
     * before any comparison came back one BCrypt sooner than a wrong password's and so told that the e-mail had an
     * account; an unknown e-mail is compared against a dummy hash already. Spring Security 7 compares by default; set
     * here so that neither a change of that default nor another wiring loses it ({@code
     * LoginAndSessionsTest#a_switched_off_account_is_refused_only_after_its_password_was_compared}). The refusal
     * itself is still a {@code DisabledException}, recorded as {@code DISABLED} (LoginGuard), and the page says
     * "wrong e-mail or password" either way.
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(AccountService accounts, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(passwordEncoder);
        provider.setAlwaysPerformAdditionalChecksOnUser(true);
        return provider;
    }

    /**
     * New hashes as {bcrypt-sha256} (passphrases past BCrypt's 72 bytes); older {bcrypt} ones still match.
     * {@code b2bforum.security.bcrypt-strength} is BCrypt's cost, 10 unless set: only the tests'
     * profile lowers it (src/test/resources/config/application-test.properties), as each hash at
     * full cost takes about 0.1 s of CPU and the tests register hundreds of companies. A hash
     * carries its cost, so hashes made at any cost keep matching.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${b2bforum.security.bcrypt-strength:10}") int strength) {
        return new DelegatingPasswordEncoder("bcrypt-sha256", Map.of("bcrypt-sha256",
                new Sha256BcryptPasswordEncoder(strength), "bcrypt", new BCryptPasswordEncoder(strength)));
    }
}
