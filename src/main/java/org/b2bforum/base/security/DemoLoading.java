package org.b2bforum.base.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the demo forum is still being written into an empty database. The server takes requests while it is
 * (about a minute at the first start): a visitor who logs in meanwhile finds half a forum, so the demo banner says it
 * is loading until the demo loader is done (then, or at once when the data was there already, {@link #finished()}).
 * Demo mode runs on the embedded database, a single node, so the state of this node is the forum's.
 * <p>
 * The load is also recorded in the database ({@code demo_load}, V44): begun before its first row, done after its last.
 * An application stopped in between (killed, a power cut) left half a forum that every later start kept, since the
 * loader loads only into a database without log-ins (ops53: 69 of 120 companies, all pending, no program); a start
 * that finds the load begun and not done empties the database and loads the demo again ({@code base.ops.HalfLoadedDemo}).
 */
@Component
public class DemoLoading {

    private volatile boolean loading;
    private final JdbcTemplate jdbc;

    DemoLoading(@Value("${" + DemoMode.ENABLED + ":false}") boolean demoMode, JdbcTemplate jdbc) {
        this.loading = demoMode;
        this.jdbc = jdbc;
    }

    public boolean isLoading() {
        return loading;
    }

    /** The demo loader begins writing the forum: recorded (committed) before it writes anything. */
    public void started() {
        loading = true;
        jdbc.update("replace into demo_load (id, started_at, loaded_at) values (1, utc_timestamp(6), null)");
    }

    /** The demo loader has written the whole forum: a later start keeps it. */
    public void loaded() {
        jdbc.update("update demo_load set loaded_at = utc_timestamp(6) where id = 1");
    }

    /** The demo loader is done, or found the forum there already: the banner is the demo's warning again. */
    public void finished() {
        loading = false;
    }
}
