package org.b2bforum.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.function.Executable;

/** Asserting a booking refusal by its translation key, for the booking tests. */
final class Refusals {

    private Refusals() {
    }

    /** Runs {@code call}, asserts it was refused with {@code key}, and returns the refusal for its arguments. */
    static BookingRefusedException assertRefused(String key, Executable call) {
        BookingRefusedException[] caught = new BookingRefusedException[1];
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(BookingRefusedException.class, e -> {
            assertThat(e.key()).isEqualTo(key);
            caught[0] = e;
        });
        return caught[0];
    }
}
