package org.b2bforum.schedule;

import java.util.List;

/**
 * A wish or schedule step was refused for a reason the user should read ("a run is in progress",
 * "the wishes changed since this run"): a translation key and its arguments. Nothing was changed.
 */
public class ScheduleRefusedException extends RuntimeException {

    private final String key;
    private final transient List<Object> args;

    public ScheduleRefusedException(String key, Object... args) {
        super(key, null, false, false);
        this.key = key;
        this.args = List.of(args);
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.toArray();
    }
}
