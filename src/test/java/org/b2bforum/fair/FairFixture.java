package org.b2bforum.fair;

import java.util.Locale;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.TestData;
import org.springframework.context.ApplicationContext;

/** Zones and stands of their own for the fair tests (the database is shared: names and numbers are unique). */
public final class FairFixture {

    private final BookingFixture booking;
    private final FairService fair;

    public FairFixture(ApplicationContext context) {
        this.booking = new BookingFixture(context);
        this.fair = context.getBean(FairService.class);
    }

    public BookingFixture booking() {
        return booking;
    }

    public long zone() {
        String token = TestData.unique();
        return booking.asOrganizer(() -> fair.addZone("Павильон " + token, "Hall " + token));
    }

    /** A unique stand number such as "K3XQ7-12". */
    public static String standNumber() {
        return TestData.unique().toUpperCase(Locale.ROOT);
    }

    public long stand(long zoneId, String number, int row, int column) {
        return booking.asOrganizer(() -> fair.addStand(zoneId, number, row, column));
    }

    /** A stand in a zone of its own, assigned to the company; its number. */
    public Stand standFor(TestCompany company) {
        String number = standNumber();
        long stand = stand(zone(), number, 1, 1);
        booking.asOrganizer(() -> fair.assign(stand, company.id()));
        return new Stand(stand, number);
    }

    public record Stand(long id, String number) {
    }
}
