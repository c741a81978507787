package com.aiassistants.common.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aiassistants.common.database.ServiceDatabaseRole.Outcome;
import com.aiassistants.common.database.ServiceDatabaseRole.Request;
import com.aiassistants.common.testsupport.TestPostgres;

/**
 * The per-service login against a real PostgreSQL, with a master user that is not a superuser (as on RDS:
 * CREATEROLE, owner of the database), an installation whose schema the master user created earlier, and
 * the statements Secrets Manager's multi-user rotation runs to make the {@code _clone} login.
 */
class ServiceDatabaseRoleTest {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String master = "master_" + suffix;
    private final String schema = "calendar_" + suffix;
    private final String login = "svc_" + schema;
    private final List<String> roles = new ArrayList<>(List.of(login + "_clone", login, schema + "_owner", "other_" + suffix));
    private TestPostgres.Database db;

    @BeforeEach
    void anInstallationMadeByTheMasterUser() throws SQLException {
        db = TestPostgres.createDatabase("roles");
        asAdmin("CREATE ROLE " + master + " LOGIN CREATEROLE PASSWORD 'master-password'");
        asAdmin("ALTER DATABASE " + db.name() + " OWNER TO " + master);
        as(master, "CREATE SCHEMA " + schema,
                "CREATE TABLE " + schema + ".booking (id bigserial PRIMARY KEY, starts_at timestamptz NOT NULL)",
                "INSERT INTO " + schema + ".booking (starts_at) VALUES (now())",
                "CREATE VIEW " + schema + ".upcoming AS SELECT * FROM " + schema + ".booking",
                "CREATE FUNCTION " + schema + ".one() RETURNS int LANGUAGE sql AS 'SELECT 1'",
                "CREATE SCHEMA other_" + suffix,
                "CREATE TABLE other_" + suffix + ".secret (v text)");
    }

    @AfterEach
    void dropTheRoles() throws SQLException {
        asAdmin("DROP DATABASE " + db.name() + " WITH (FORCE)");
        for (String role : roles) {
            asAdmin("DROP ROLE IF EXISTS " + role);
        }
        asAdmin("DROP ROLE IF EXISTS " + master);
    }

    @Test
    void theServiceOwnsItsSchemaThroughTheOwnerRoleAndSeesNothingElse() throws SQLException {
        Outcome first = ServiceDatabaseRole.ensure(request(login));
        assertThat(first).isEqualTo(new Outcome(true, true, 3)); // table (with its sequence), view, function
        assertThat(owners()).containsOnly(schema + "_owner");

        // the service as it runs: its login, SET ROLE on each connection (Hikari connection-init-sql)
        as(login, "SET ROLE " + schema + "_owner",
                "ALTER TABLE " + schema + ".booking ADD COLUMN status text",
                "INSERT INTO " + schema + ".booking (starts_at, status) VALUES (now(), 'CONFIRMED')",
                "CREATE TABLE " + schema + ".reminder (id bigserial PRIMARY KEY)");
        assertThat(owners()).containsOnly(schema + "_owner");
        assertThatThrownBy(() -> as(login, "SET ROLE " + schema + "_owner", "SELECT * FROM other_" + suffix + ".secret"))
                .hasMessageContaining("permission denied");

        assertThat(ServiceDatabaseRole.ensure(request(login))).as("a second start changes nothing")
                .isEqualTo(new Outcome(false, false, 0));
    }

    @Test
    void afterMultiUserRotationTheCloneWorksOnWhatTheFirstLoginCreatedAndTheOtherWay() throws SQLException {
        ServiceDatabaseRole.ensure(request(login));
        as(login, "SET ROLE " + schema + "_owner", "CREATE TABLE " + schema + ".made_by_first (id int)");

        // what the rotation function does as the master user the first time it rotates this secret
        as(master, "CREATE ROLE " + login + "_clone WITH LOGIN PASSWORD 'clone-password-0123456789'",
                "GRANT " + login + " TO " + login + "_clone");
        // a task started after the rotation runs the init container with the clone's credentials
        assertThat(ServiceDatabaseRole.ensure(request(login + "_clone"))).isEqualTo(new Outcome(false, false, 0));

        as(login + "_clone", "SET ROLE " + schema + "_owner",
                "ALTER TABLE " + schema + ".made_by_first ADD COLUMN note text",
                "CREATE TABLE " + schema + ".made_by_clone (id int)");
        as(login, "SET ROLE " + schema + "_owner", "ALTER TABLE " + schema + ".made_by_clone ADD COLUMN note text",
                "DELETE FROM " + schema + ".made_by_first");
        assertThat(owners()).containsOnly(schema + "_owner");
    }

    @Test
    void refusesWhatCannotBeAnIdentifierOrAShortPassword() {
        assertThatThrownBy(() -> new Request(db.jdbcUrl(), master, "x", "calendar; DROP", login, "0123456789abcdef"))
                .hasMessageContaining("SERVICE_DATABASE_SCHEMA");
        assertThatThrownBy(() -> new Request(db.jdbcUrl(), master, "x", schema, "Svc\"x", "0123456789abcdef"))
                .hasMessageContaining("SERVICE_DATABASE_USERNAME");
        assertThatThrownBy(() -> new Request(db.jdbcUrl(), master, "x", schema, login, "short"))
                .hasMessageContaining("at least 16");
    }

    private Request request(String username) {
        return new Request(db.jdbcUrl(), master, "master-password", schema, username, "it's a 'quoted' password 0123");
    }

    /** Owners of every table, view, sequence and function in the service's schema. */
    private List<String> owners() throws SQLException {
        List<String> owners = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT pg_get_userbyid(relowner) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = '%1$s' AND relkind IN ('r', 'v', 'S')
                        UNION ALL SELECT pg_get_userbyid(proowner) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                         WHERE n.nspname = '%1$s'
                        UNION ALL SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = '%1$s'
                        """.formatted(schema))) {
            while (rs.next()) {
                owners.add(rs.getString(1));
            }
        }
        return owners;
    }

    private void asAdmin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl().substring(0, db.jdbcUrl().lastIndexOf('/') + 1) + "postgres", db.username(), db.password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private void as(String user, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), user, "unused: the test server trusts local logins");
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
