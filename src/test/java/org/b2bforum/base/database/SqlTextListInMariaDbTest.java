package org.b2bforum.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;

import org.b2bforum.ForumSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A {@link SqlText#list} as MariaDB writes it, read back by {@link SqlText#texts}, also when the server cuts it at
 * {@code group_concat_max_len} (1 MB by default, 1,024 bytes where a server's configuration carries MySQL's old value:
 * five delegates with 200-character names at one meeting pass it).
 */
@ForumSpringTest
class SqlTextListInMariaDbTest {

    private static final String NAMES = "select " + SqlText.list("n", "o")
            + " from (select 'Анна Петрова' n, 1 o union all select 'Иван: 2-й 🙂', 2 union all select 'Ли', 3) t";

    @Autowired
    DataSource dataSource;

    @Test
    void a_list_reads_back_whole_and_one_the_server_cut_reads_what_it_holds_instead_of_failing() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            JdbcTemplate one = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            try {
                assertThat(SqlText.texts(one.queryForObject(NAMES, String.class)))
                        .containsExactly("Анна Петрова", "Иван: 2-й 🙂", "Ли");
                // cut inside the second name (the first with its length takes 26 bytes, the second's length 3 more)
                one.execute("set session group_concat_max_len = 37");
                assertThat(SqlText.texts(one.queryForObject(NAMES, String.class)))
                        .containsExactly("Анна Петрова", "Иван…");
                // cut inside the second name's length
                one.execute("set session group_concat_max_len = 28");
                assertThat(SqlText.texts(one.queryForObject(NAMES, String.class))).containsExactly("Анна Петрова");
            } finally {
                one.execute("set session group_concat_max_len = default");
            }
        }
    }
}
