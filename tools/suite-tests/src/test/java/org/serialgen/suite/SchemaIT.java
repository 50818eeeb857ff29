package org.serialgen.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every service's schema, once the packaged services have migrated their clean schemas: through the service's own
 * login, the migrations all succeeded and made the tables the service works with, and the service can read no other
 * service's schema.
 */
@ExtendWith(RunningSuite.class)
class SchemaIT {

    static final Map<String, List<String>> TABLES = Map.of(
        "config", List.of("serial_generation_config", "config_audit", "outbox_event", "consumed_event"),
        "generation", List.of("workorder_serial_generation", "aggregation_demand", "serial_pool", "serial_allocation",
            "generation_task", "serial_generation_history", "external_serial", "replicated_config", "outbox_event",
            "consumed_event"),
        "erp_sync", List.of("erp_workorder", "erp_failed_record", "erp_override", "erp_sync_run",
            "erp_sync_run_record", "erp_sync_state", "erp_confirmation", "erp_action", "manual_workorder",
            "outbox_event", "consumed_event"),
        "aggregation", List.of("workorder_packaging", "recipe", "recipe_version", "replicated_config", "outbox_event",
            "consumed_event"));

    /** The role's login: the defaults of deploy/postgres/prepare.sh, or DB_HOST / DB_PORT and {ROLE}_DB_PASSWORD. */
    static Connection login(String role) throws SQLException {
        String host = System.getenv().getOrDefault("DB_HOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("DB_PORT", "5432");
        String password = System.getenv().getOrDefault(role.toUpperCase() + "_DB_PASSWORD", role);
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/serialgen_test", role, password);
    }

    @ParameterizedTest
    @ValueSource(strings = {"config", "generation", "erp_sync", "aggregation"})
    void migrationsRanOnTheCleanSchema(String schema) throws SQLException {
        try (Connection connection = login(schema); Statement statement = connection.createStatement()) {
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
            assertTrue(present.containsAll(TABLES.get(schema)), "tables " + TABLES.get(schema) + " in " + present);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"config", "generation", "erp_sync", "aggregation"})
    void aServiceCannotReadAnotherServicesSchema(String schema) throws SQLException {
        try (Connection connection = login(schema); Statement statement = connection.createStatement()) {
            for (String other : TABLES.keySet()) {
                if (!other.equals(schema)) {
                    SQLException denied = assertThrows(SQLException.class,
                        () -> statement.executeQuery("SELECT * FROM " + other + ".outbox_event LIMIT 1").close());
                    assertTrue(denied.getMessage().contains("permission denied"), denied.getMessage());
                }
            }
        }
    }
}
