package org.b2bforum.fair;

/**
 * Fair's read model of a meeting's place at a stand, as SQL: the joins of the meeting {@code m}'s stand ({@code st})
 * and its zone ({@code sz}), whose columns base's {@code MeetingPlace.COLUMNS} selects. The stands and zones are
 * fair's tables, so the fragment is fair's (it was base's, which depends on nothing); the meeting listings of
 * meeting, venue, calendar and badge add it to their statements, one statement each.
 */
public final class StandOfMeeting {

    /**
     * Joins the meeting {@code m}'s fair stand and its zone, if it has one. Not a compile-time constant on purpose:
     * one would be copied into the modules' class files, which would then name nothing of fair's, and
     * {@code ApplicationModules} (the verification and the module diagrams) would not see badge's and calendar's use.
     */
    public static final String JOINS = String.valueOf(" left join fair_stand st on st.id = m.stand_id"
            + " left join fair_zone sz on sz.id = st.zone_id ");

    private StandOfMeeting() {
    }
}
