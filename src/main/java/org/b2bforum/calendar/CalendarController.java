package org.b2bforum.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.security.ClientAddress;
import org.b2bforum.base.security.LoginThrottle;
import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Calendar files: {@code /my-calendar.ics} downloads the logged-in delegate's schedule (or the
 * company's agenda); {@code /calendar/<token>.ics} is a private subscription link that calendar
 * apps fetch without logging in (permitted in SecurityConfiguration), 404 once replaced or stopped.
 * {@code ?lang=en} gives English texts; Russian otherwise.
 * <p>
 * The feed is the one anonymous read of a secret link: a link that leads nowhere counts against the client's address
 * ({@link LoginThrottle#linkMissed}), and an address locked for it is answered 429 with {@code Retry-After} for every
 * link that leads nowhere. A working link is still served: calendar services (Google, Outlook) fetch all their users'
 * subscriptions from a few shared addresses and go on polling replaced links, so a lock on every feed would stop the
 * updates of every subscriber behind that address; and with 256 random bits a token is never guessed, so a locked
 * client telling a hit from a miss learns nothing. The look-up costs the lock's own read (one indexed row).
 */
@RestController
class CalendarController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);
    private static final MediaType TEXT_PLAIN = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final CalendarService calendars;
    private final LoginThrottle throttle;
    private final I18NProvider i18n;

    CalendarController(CalendarService calendars, LoginThrottle throttle, I18NProvider i18n) {
        this.calendars = calendars;
        this.throttle = throttle;
        this.i18n = i18n;
    }

    /**
     * The download; for a delegate their company removed since the request's session check, 410 Gone with the words
     * the pages use (before: the 403 error page).
     */
    @GetMapping("/my-calendar.ics")
    ResponseEntity<String> download(@RequestParam(name = "lang", required = false) String lang) {
        Locale locale = locale(lang);
        String calendar;
        try {
            calendar = calendars.myCalendar(locale);
        } catch (CalendarOwnerRemovedException removed) {
            return ResponseEntity.status(HttpStatus.GONE).contentType(TEXT_PLAIN).cacheControl(CacheControl.noStore())
                    .body(i18n.getTranslation("delegate.removed-meanwhile", locale));
        }
        return ResponseEntity.ok().contentType(TEXT_CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("forum-schedule.ics").build().toString())
                .cacheControl(CacheControl.noStore())
                .body(calendar);
    }

    @GetMapping("/calendar/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token, @RequestParam(name = "lang", required = false) String lang) {
        Optional<String> calendar = calendars.feed(token, locale(lang));
        if (calendar.isPresent()) {
            return ResponseEntity.ok().contentType(TEXT_CALENDAR).cacheControl(CacheControl.noStore())
                    .header("X-Robots-Tag", "noindex").body(calendar.get());
        }
        String address = ClientAddress.current();
        Optional<Duration> locked = throttle.linksLocked(address);
        if (locked.isPresent()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).cacheControl(CacheControl.noStore())
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, (locked.get().toMillis() + 999) / 1000))).build();
        }
        throttle.linkMissed(address);
        return ResponseEntity.notFound().build();
    }

    private static Locale locale(String lang) {
        return Languages.ALL.stream().filter(l -> l.getLanguage().equals(lang)).findFirst().orElse(Languages.RUSSIAN);
    }
}
