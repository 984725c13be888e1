package org.b2bforum.fair;

/** An approved company an organizer can give a stand to, with the stand it has (null if none). */
public record CompanyChoice(long id, String name, String city, String standNumber) {
}
