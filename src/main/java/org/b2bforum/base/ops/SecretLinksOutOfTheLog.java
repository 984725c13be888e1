package org.b2bforum.base.ops;

import java.util.Iterator;
import java.util.List;

import org.b2bforum.base.security.Tokens;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import jakarta.annotation.PostConstruct;

/**
 * No secret link in the log, whatever writes it: each line of the log's appenders (Spring Boot's console, and its file
 * when {@code LOGGING_FILE_NAME} is set) has its tokens written as "…" ({@link Tokens#withoutSecrets}), stack traces
 * included. Calendar feeds, invitations, password resets, check-in and lead-scan links carry their token in the path,
 * and with DEBUG on Spring's request logging ("GET "/calendar/<token>.ics""), Spring Security's ("Securing GET
 * /invitation/<token>", the saved request of a check-in link opened before logging in) and Vaadin's navigation wrote
 * a working link to the log (review49, SecretLinksLogIT). Our own lines write paths through {@link
 * Tokens#redactedPath} already; the demo's check-in links at its start are left as they are ({@link
 * Tokens#PUBLISHED_DEMO_LINK}). Tomcat's access log is not Logback's: {@link SecretLinksOutOfTheAccessLog}.
 */
@Component
class SecretLinksOutOfTheLog {

    @PostConstruct
    void maskEveryAppender() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        for (Logger logger : context.getLoggerList()) {
            for (Iterator<Appender<ILoggingEvent>> appenders = logger.iteratorForAppenders(); appenders.hasNext();) {
                if (appenders.next() instanceof OutputStreamAppender<ILoggingEvent> stream
                        && stream.getEncoder() instanceof LayoutWrappingEncoder<ILoggingEvent> encoder
                        && !(encoder.getLayout() instanceof Masking)) {
                    // Spring Boot's PatternLayoutEncoder keeps its layout: the appender gets an encoder of the same
                    // charset around it
                    Masking masking = new Masking(encoder.getLayout());
                    masking.setContext(context);
                    masking.start();
                    LayoutWrappingEncoder<ILoggingEvent> masked = new LayoutWrappingEncoder<>();
                    masked.setContext(context);
                    masked.setCharset(encoder.getCharset());
                    masked.setLayout(masking);
                    masked.start();
                    stream.setEncoder(masked);
                }
            }
        }
    }

    /** An appender's layout whose lines have their secret links' tokens written as "…". */
    static final class Masking extends LayoutBase<ILoggingEvent> {

        private final Layout<ILoggingEvent> layout;

        Masking(Layout<ILoggingEvent> layout) {
            this.layout = layout;
        }

        @Override
        public String doLayout(ILoggingEvent event) {
            String line = layout.doLayout(event);
            List<Marker> markers = event.getMarkerList();
            return markers != null && markers.contains(Tokens.PUBLISHED_DEMO_LINK) ? line : Tokens.withoutSecrets(line);
        }

        @Override
        public String getFileHeader() {
            return layout.getFileHeader();
        }

        @Override
        public String getPresentationHeader() {
            return layout.getPresentationHeader();
        }

        @Override
        public String getPresentationFooter() {
            return layout.getPresentationFooter();
        }

        @Override
        public String getFileFooter() {
            return layout.getFileFooter();
        }

        @Override
        public String getContentType() {
            return layout.getContentType();
        }
    }
}
