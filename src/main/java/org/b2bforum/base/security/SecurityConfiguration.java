package org.b2bforum.base.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginGuard loginGuard, AccountService accounts,
            SecurityContextHolderStrategy contexts, Clock clock,
            @Value("${server.servlet.session.timeout:30m}") Duration sessionTimeout) throws Exception {
        http.addFilterBefore(loginGuard.filter(), UsernamePasswordAuthenticationFilter.class);
        // Before the anonymous filter, so that a request whose session just ended goes on as anonymous.
        http.addFilterBefore(new SessionEpochFilter(accounts, contexts), AnonymousAuthenticationFilter.class);
        http.addFilterBefore(new IdleSessionFilter(sessionTimeout, contexts, clock), AnonymousAuthenticationFilter.class);
        // Calendar subscription links carry their own secret: calendar apps fetch them without a log-in.
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/styles/**", "/images/**", "/calendar/*.ics")
                .permitAll());
        // The Spring MVC endpoints (Vaadin denies any other request not named here); their services
        // check who is asking.
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/logos/*.png", "/my-calendar.ics").authenticated());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView("/login", "/"))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
