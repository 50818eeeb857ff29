package org.serialgen.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/** Checks on how a service stores JSON, through the service's own login. */
public final class StoredJson {

    private StoredJson() {
    }

    /** Every row of {@code table} holds JSON of the given type in {@code column} (not, say, a JSON string of JSON). */
    public static void assertColumn(DataSource dataSource, String table, String column, String jsonType)
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
