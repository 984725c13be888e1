package org.b2bforum.base.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The forum's own "the page could not be opened" page (error/4xx.html, the one Spring Boot shows) for an address
 * Tomcat refuses before the application sees it: a broken percent sign in the path ({@code /companies/1%ZZ}, a
 * Russian link cut in the middle of a letter), an encoded slash, a request line or headers over the size limit. Tomcat
 * answered those with its own English "HTTP Status 400 – Bad Request". Its error report valve serves a page from a
 * file only, so the page is copied to one at start.
 */
@Component
class RefusedAddressPage implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    static final String PAGE = "META-INF/resources/error/4xx.html";

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        String file = copyOfPage().toString();
        // Spring Boot adds the host's error report valve in its own context customizer, which runs before this one
        factory.addContextCustomizers(context -> {
            boolean found = false;
            for (Valve valve : context.getParent().getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve report) {
                    configure(report, file);
                    found = true;
                }
            }
            if (!found) {
                ErrorReportValve report = new ErrorReportValve();
                report.setShowReport(false);
                report.setShowServerInfo(false);
                configure(report, file);
                context.getParent().getPipeline().addValve(report);
            }
        });
    }

    private static void configure(ErrorReportValve report, String file) {
        report.setProperty("errorCode.400", file);
    }

    private static Path copyOfPage() {
        try {
            Path file = Files.createTempFile("b2bforum-refused-address", ".html");
            file.toFile().deleteOnExit();
            Files.write(file, page());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page, UTF-8. */
    static byte[] page() {
        try (InputStream page = new ClassPathResource(PAGE).getInputStream()) {
            return page.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After Spring Boot's own customizer of Tomcat, whose context customizer adds the error report valve. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
