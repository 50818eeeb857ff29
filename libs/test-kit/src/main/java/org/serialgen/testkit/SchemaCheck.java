package org.serialgen.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

/**
 * Checks on a service's own schema, through the service's own login: the migrations ran on the empty schema the test
 * profile starts from, and the role cannot read any other service's schema.
 */
public final class SchemaCheck {

    private static final List<String> SCHEMAS = List.of("config", "generation", "erp_sync", "aggregation");

    private SchemaCheck() {
    }

    public static void assertMigrated(DataSource dataSource, String schema, String... tables) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT count(*), count(*) FILTER (WHERE success) FROM "
                + schema + ".flyway_schema_history WHERE version IS NOT NULL")) {
                rs.next();
                assertTrue(rs.getInt(1) >= 2, "the kit's and the service's migrations ran");
                assertEquals(rs.getInt(1), rs.getInt(2), "every migration succeeded");
            }
            Set<String> present = new HashSet<>();
            try (ResultSet rs = statement.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema + "'")) {
                while (rs.next()) {
                    present.add(rs.getString(1));
                }
            }
            assertTrue(present.containsAll(List.of(tables)), "tables " + List.of(tables) + " in " + present);
        }
    }

    public static void assertCannotReadOtherSchemas(DataSource dataSource, String ownSchema) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String other : SCHEMAS) {
                if (!other.equals(ownSchema)) {
                    SQLException denied = assertThrows(SQLException.class,
                        () -> statement.executeQuery("SELECT * FROM " + other + ".outbox_event LIMIT 1").close());
                    assertTrue(denied.getMessage().contains("permission denied"), denied.getMessage());
                }
            }
        }
    }

    /** Every row of {@code table} holds JSON of the given type in {@code column} (not, say, a JSON string of JSON). */
    public static void assertJsonColumn(DataSource dataSource, String table, String column, String jsonType)
        throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*), count(*) FILTER (WHERE jsonb_typeof(" + column
                 + ") = '" + jsonType + "') FROM " + table)) {
            rs.next();
            assertTrue(rs.getInt(1) > 0, table + " has rows to check");
            assertEquals(rs.getInt(1), rs.getInt(2), table + "." + column + " holds JSON " + jsonType + "s");
        }
    }
}
