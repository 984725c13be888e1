package org.b2bforum.base.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers a query string Tomcat cannot decode (a stray percent sign, {@code ?lang=%ZZ}, or a Russian word cut in the
 * middle of a letter, {@code ?q=%D0}) with the forum's "the page could not be opened" and status 400, before anything
 * reads the parameters. Tomcat throws on the first parameter read: the calendar feed, open to anyone without logging
 * in, wrote an ERROR with its stack trace to the log on every such request and sent the calendar app to the log-in
 * page; the ICS download did the same for a logged-in user.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MalformedQueryFilter extends OncePerRequestFilter {

    private final byte[] page = RefusedAddressPage.page();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (wellFormed(request.getQueryString())) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    /** Every %-escape has two hex digits, and each run of escapes is UTF-8 (as Tomcat decodes parameters). */
    static boolean wellFormed(String query) {
        if (query == null || query.indexOf('%') < 0) {
            return true;
        }
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        for (int i = 0; i < query.length(); i++) {
            if (query.charAt(i) == '%') {
                int high = i + 2 < query.length() ? hex(query.charAt(i + 1)) : -1;
                int low = high < 0 ? -1 : hex(query.charAt(i + 2));
                if (low < 0) {
                    return false;
                }
                run.write(high * 16 + low);
                i += 2;
            } else if (!utf8(run)) {
                return false;
            }
        }
        return utf8(run);
    }

    /** The value of an ASCII hex digit, -1 for anything else (Character.digit takes other scripts' digits too). */
    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    private static boolean utf8(ByteArrayOutputStream run) {
        if (run.size() == 0) {
            return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(run.toByteArray()));
            run.reset();
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
