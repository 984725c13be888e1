package org.b2bforum.base.ui;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The forum's first and last day, for the frame's subtitle ("Дни Минска в Москве · 18–21 сентября"), which was a fixed
 * text whatever days the organizers set up (ux52 saw "18–21 сентября" on a forum held in February). The program owns
 * the days and provides it as a bean.
 */
public interface ForumDays {

    /** The first and the last day; empty while the forum has none. */
    Optional<Days> days();

    record Days(LocalDate first, LocalDate last) {
    }
}
