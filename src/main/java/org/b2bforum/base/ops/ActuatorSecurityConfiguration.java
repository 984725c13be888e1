package org.b2bforum.base.ops;

import org.b2bforum.base.security.LoginGuard;
import org.b2bforum.base.security.Role;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The actuator endpoints have a security chain of their own, ahead of Vaadin's (which would send
 * them to the log-in page): health (with liveness and readiness, no details) is public for load
 * balancers and systemd checks; metrics and Prometheus need an organizer log-in by HTTP Basic.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain actuatorSecurityFilterChain(HttpSecurity http, LoginGuard loginGuard) throws Exception {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                // the log-in throttle holds for HTTP Basic too
                .addFilterBefore(loginGuard.basicFilter(), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        .anyRequest().hasRole(Role.ORGANIZER_NAME))
                // plain 401 and 403 statuses: sendError would dispatch to /error, which Vaadin's chain
                // answers with a redirect to the log-in page. The Basic filter has an entry point of its own for
                // credentials it refuses: with the default one a wrong password was such a redirect (302 to /login,
                // which a Prometheus scrape follows into a log-in page), until stop 46 (ops1)
                .httpBasic(basic -> basic.authenticationEntryPoint(ActuatorSecurityConfiguration::unauthorized))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(ActuatorSecurityConfiguration::unauthorized)
                        .accessDeniedHandler((request, response, e) -> response.setStatus(HttpServletResponse.SC_FORBIDDEN)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // read-only GET endpoints, no session: no cross-site request to forge
                .csrf(csrf -> csrf.disable())
                .build();
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException refused) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"b2b-forum\", charset=\"UTF-8\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
