package org.b2bforum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel's count of connections a listening socket's full accept queue turned away ({@code TcpExt:
 * ListenOverflows} in {@code /proc/net/netstat}, for the whole machine). A connection turned away is not
 * refused: the client sends its handshake again after a second (then 3, 7 s), so a click behind it waits a
 * second more than the server's work (bench/README.md, run-ui-load: the rush's floor).
 */
final class TcpListenQueue {

    private TcpListenQueue() {
    }

    /** The machine's listen queue overflows so far, or -1 when they cannot be read. */
    static long overflows() {
        try {
            return counter(Files.readAllLines(Path.of("/proc/net/netstat")), "TcpExt:", "ListenOverflows");
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The value of {@code name} in the pair of lines (names, then values) that start with {@code prefix}. */
    static long counter(List<String> netstat, String prefix, String name) {
        for (int i = 0; i + 1 < netstat.size(); i++) {
            if (netstat.get(i).startsWith(prefix) && netstat.get(i + 1).startsWith(prefix)) {
                List<String> names = List.of(netstat.get(i).split(" "));
                String[] values = netstat.get(i + 1).split(" ");
                int at = names.indexOf(name);
                if (at > 0) {
                    return Long.parseLong(values[at]);
                }
            }
        }
        return -1;
    }
}
