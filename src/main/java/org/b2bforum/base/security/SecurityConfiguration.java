package org.b2bforum.base.security;

import org.b2bforum.base.ops.UnavailableAwareLoginFailureHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        // Calendar subscription links carry their own secret: calendar apps fetch them without a log-in.
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/styles/**", "/images/**", "/calendar/*.ics")
                .permitAll());
        // The Spring MVC endpoints (Vaadin denies any other request not named here); their services
        // check who is asking.
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/logos/*.png", "/my-calendar.ics").authenticated());
        // "temporarily unavailable" instead of "wrong password" when the accounts cannot be read; set
        // with the log-in page before Vaadin's configurer (which keeps a failure handler it finds),
        // the page first so that Spring's generated log-in page stays off
        http.formLogin(form -> form.loginPage("/login").failureHandler(new UnavailableAwareLoginFailureHandler()));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView("/login", "/"))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
