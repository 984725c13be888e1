package org.b2bforum.base.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway V38: the log-in records written before the addresses were stored as people write them keep the servlet
 * container's long IPv6 form ({@code 0:0:0:0:0:0:0:1}). The organizers' list shows every address compressed
 * ({@code ::1}) and searches the stored text, so a search for {@code ::1} missed exactly those records (ux57). This
 * rewrites them once in the form {@link ClientAddress#shown} gives new records; SQL's {@code inet6_ntoa} would not
 * write an IPv4-mapped address or a zone as it does. A Java migration, as the rule is Java's; found by Spring Boot's
 * Flyway set-up as a bean (its name gives the version, as a script's would).
 */
@Component
class V38__CompressedAddressesOfOldLoginRecords extends BaseJavaMigration {

    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws SQLException {
        compress(context.getConnection());
    }

    /** Rewrites every record's IPv6 address in its shown form; the count of records changed. */
    static int compress(Connection connection) throws SQLException {
        Map<Long, String> changed = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, address from login_attempt where address like '%:%'");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String address = rs.getString("address");
                String shown = ClientAddress.shown(address);
                if (shown != null && !shown.equals(address)) {
                    changed.put(rs.getLong("id"), shown);
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update login_attempt set address = ? where id = ?")) {
            int pending = 0;
            for (Map.Entry<Long, String> row : changed.entrySet()) {
                update.setString(1, row.getValue());
                update.setLong(2, row.getKey());
                update.addBatch();
                if (++pending == BATCH) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
        return changed.size();
    }
}
