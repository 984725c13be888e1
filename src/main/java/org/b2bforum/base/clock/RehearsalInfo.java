package org.b2bforum.base.clock;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** {@code /actuator/info} (organizers) says which clock the forum runs on: {@code "clock": {"rehearsal": ...}}. */
@Component
class RehearsalInfo implements InfoContributor {

    private final Rehearsal rehearsal;

    RehearsalInfo(Rehearsal rehearsal) {
        this.rehearsal = rehearsal;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> clock = new LinkedHashMap<>();
        clock.put("rehearsal", rehearsal.active());
        rehearsal.clock().ifPresent(c -> {
            clock.put("start", c.start().toString());
            clock.put("now", c.instant().toString());
            clock.put("offset", c.offset().toString());
        });
        builder.withDetail("clock", clock);
    }
}
