package org.b2bforum.calendar;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.b2bforum.base.i18n.Languages;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
 */
@RestController
class CalendarController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final CalendarService calendars;

    CalendarController(CalendarService calendars) {
        this.calendars = calendars;
    }

    @GetMapping("/my-calendar.ics")
    ResponseEntity<String> download(@RequestParam(name = "lang", required = false) String lang) {
        return ResponseEntity.ok().contentType(TEXT_CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("forum-schedule.ics").build().toString())
                .cacheControl(CacheControl.noStore())
                .body(calendars.myCalendar(locale(lang)));
    }

    @GetMapping("/calendar/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token, @RequestParam(name = "lang", required = false) String lang) {
        return calendars.feed(token, locale(lang))
                .map(ics -> ResponseEntity.ok().contentType(TEXT_CALENDAR).cacheControl(CacheControl.noStore())
                        .header("X-Robots-Tag", "noindex").body(ics))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static Locale locale(String lang) {
        return Languages.ALL.stream().filter(l -> l.getLanguage().equals(lang)).findFirst().orElse(Languages.RUSSIAN);
    }
}
