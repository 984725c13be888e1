package org.b2bforum.announcement;

/** Whom an announcement reaches: every approved company, those of one city or sector, or those meeting in one session. */
public enum Audience {
    ALL,
    CITY,
    SECTOR,
    SESSION
}
