package org.b2bforum.schedule.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.i18n.Plural;
import org.b2bforum.base.text.DateRanges;
import org.b2bforum.schedule.ScheduleReview.UnplacedMeeting;

import com.vaadin.flow.component.Component;

/** Schedule words: why a meeting was not placed, counts with their plural forms, forum times. */
final class ScheduleTexts {

    private final Component owner;
    private final ZoneId zone;
    private final Locale locale;
    private final DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
    private final DateTimeFormatter day;

    ScheduleTexts(Component owner, ForumTime forumTime, Locale locale) {
        this.owner = owner;
        this.zone = forumTime.zone();
        this.locale = locale;
        this.day = DateRanges.withYear("EEEE, d MMMM", locale);
    }

    /**
     * The reason in words: "Компания «Белшина» хочет 25 встреч, но свободных слотов у неё 21",
     * "«Белшина» и «Мосгаз» не свободны одновременно ни в одном слоте"...
     */
    String reason(UnplacedMeeting meeting) {
        return switch (meeting.reason()) {
            case TOO_MANY_MEETINGS -> owner.getTranslation("schedule.reason.TOO_MANY_MEETINGS", meeting.reasonCompany(),
                    meetings(meeting.wanted()), meeting.available());
            case NO_COMMON_SLOT -> owner.getTranslation("schedule.reason.NO_COMMON_SLOT", meeting.companyA(),
                    meeting.companyB());
            case NO_TABLE -> owner.getTranslation("schedule.reason.NO_TABLE", meeting.companyA(), meeting.companyB());
            case CONFLICTING_CONSTRAINTS -> owner.getTranslation("schedule.reason.CONFLICTING_CONSTRAINTS",
                    meeting.companyA(), meeting.companyB());
            case TIME_LIMIT -> owner.getTranslation("schedule.reason.TIME_LIMIT", meeting.companyA(), meeting.companyB());
            case LIMIT_REACHED -> owner.getTranslation("schedule.reason.LIMIT_REACHED", meeting.reasonCompany(),
                    meetings(meeting.wanted()), meeting.available());
        };
    }

    /**
     * The method that built a run, in words: the run stores the scheduler's class name ("CpSatScheduler"),
     * which means nothing to an organizer.
     */
    String method(String scheduler) {
        return switch (scheduler) {
            case "CpSatScheduler" -> owner.getTranslation("schedule.method.cp-sat");
            case "GreedyScheduler" -> owner.getTranslation("schedule.method.greedy");
            default -> owner.getTranslation("schedule.method.other");
        };
    }

    /**
     * What "optimal" means for this run: fewest breaks for the meetings that can be placed, and how many
     * cannot (the organizer reads "optimal" next to "not placed: 5" otherwise as a contradiction).
     */
    String optimality(boolean provedOptimal, int notPlaced, Integer totalBreaks, Integer lowerBound) {
        if (!provedOptimal) {
            // a bound of 0 says nothing (the runner stores 0 when it has no bound for the day)
            String text = totalBreaks == null || lowerBound == null || lowerBound <= 0
                    ? owner.getTranslation("schedule.not-optimal")
                    : owner.getTranslation("schedule.not-optimal.gap", totalBreaks - lowerBound, lowerBound);
            return notPlaced == 0 ? text : text + " " + owner.getTranslation("schedule.not-placed", meetings(notPlaced));
        }
        return notPlaced == 0 ? owner.getTranslation("schedule.optimal.all")
                : owner.getTranslation("schedule.optimal.placeable", meetings(notPlaced));
    }

    /** "1 встречу", "3 встречи", "25 встреч"; "1 meeting", "25 meetings". */
    String meetings(int count) {
        return owner.getTranslation(Plural.key("schedule.meetings", count, locale), count);
    }

    /** "10:00". */
    String time(Instant instant) {
        return time.format(instant.atZone(zone));
    }

    /** "10:00–10:20". */
    String times(Instant start, Instant end) {
        return time(start) + "–" + time(end);
    }

    /** "Пятница, 18 сентября 2026 г.". */
    String day(LocalDate date) {
        String text = day.format(date);
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
