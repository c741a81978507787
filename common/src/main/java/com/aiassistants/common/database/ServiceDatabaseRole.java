package com.aiassistants.common.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.aiassistants.common.config.ConnectionUrlEnvironmentPostProcessor.JdbcCoordinates;

/**
 * Gives one service its own PostgreSQL login, signed in with the database's master credentials. Run before
 * the service starts (in AWS: the task's {@code db-role} init container, the only container that sees the
 * master secret). Idempotent, and serialised across tasks by an advisory lock:
 * <ol>
 * <li>{@code <schema>_owner}, a role that cannot sign in, owns the schema and everything in it (objects an
 * earlier version created as the master user are handed over);</li>
 * <li>the service's login (the user name in its own secret: {@code svc_<schema>}, or {@code svc_<schema>_clone}
 * after Secrets Manager's multi-user rotation swapped to the clone) is created with the secret's password when
 * it does not exist, and is made a member of the owner role. An existing login keeps its password: rotation
 * owns it from then on;</li>
 * <li>the service sets {@code SET ROLE <schema>_owner} on each connection (Hikari's
 * {@code connection-init-sql}), so what its migrations create belongs to the owner role, whichever of the two
 * logins is current.</li>
 * </ol>
 * Nothing is granted on other schemas: a service cannot read another's data.
 */
public final class ServiceDatabaseRole {

    /** Room for the {@code _owner} and {@code _clone} suffixes within PostgreSQL's 63 characters. */
    private static final int MAX_NAME_LENGTH = PostgresIdentifiers.MAX_LENGTH - "_owner".length() - "_clone".length();
    private static final long LOCK_KEY = 0x41495f524f4c4553L; // "AI_ROLES"

    /** Who signs in to set things up, and what the service gets. */
    public record Request(String jdbcUrl, String masterUsername, String masterPassword, String schema,
            String serviceUsername, String servicePassword) {

        public Request {
            Objects.requireNonNull(jdbcUrl, "DATABASE_URL");
            Objects.requireNonNull(masterUsername, "DATABASE_MASTER_USERNAME");
            Objects.requireNonNull(masterPassword, "DATABASE_MASTER_PASSWORD");
            Objects.requireNonNull(servicePassword, "SERVICE_DATABASE_PASSWORD");
            requireIdentifier(schema, "SERVICE_DATABASE_SCHEMA");
            requireIdentifier(serviceUsername, "SERVICE_DATABASE_USERNAME");
            if (servicePassword.length() < 16) {
                throw new IllegalArgumentException("SERVICE_DATABASE_PASSWORD must have at least 16 characters");
            }
        }

        public String ownerRole() {
            return schema + "_owner";
        }

        static Request fromEnvironment(Map<String, String> env) {
            String url = env.get("DATABASE_URL");
            return new Request(url == null ? null : JdbcCoordinates.parse(url).jdbcUrl(), env.get("DATABASE_MASTER_USERNAME"),
                    env.get("DATABASE_MASTER_PASSWORD"), env.get("SERVICE_DATABASE_SCHEMA"),
                    env.get("SERVICE_DATABASE_USERNAME"), env.get("SERVICE_DATABASE_PASSWORD"));
        }

        private static void requireIdentifier(String value, String name) {
            PostgresIdentifiers.require(value, name, MAX_NAME_LENGTH);
        }
    }

    /** What was done, for the task's log (never a password). */
    public record Outcome(boolean ownerCreated, boolean loginCreated, int objectsHandedOver) {
    }

    private ServiceDatabaseRole() {
    }

    public static void main(String[] args) {
        try {
            Request request = Request.fromEnvironment(System.getenv());
            Outcome outcome = ensure(request);
            System.out.printf("{\"message\":\"database role ready\",\"schema\":\"%s\",\"login\":\"%s\",\"owner_created\":%s,"
                    + "\"login_created\":%s,\"objects_handed_over\":%d}%n", request.schema(), request.serviceUsername(),
                    outcome.ownerCreated(), outcome.loginCreated(), outcome.objectsHandedOver());
        } catch (IllegalArgumentException | NullPointerException | SQLException e) {
            System.err.printf("{\"message\":\"database role not set up\",\"error\":\"%s\"}%n",
                    String.valueOf(e.getMessage()).replace('"', '\''));
            System.exit(1);
        }
    }

    public static Outcome ensure(Request request) throws SQLException {
        try (Connection c = DriverManager.getConnection(request.jdbcUrl(), request.masterUsername(), request.masterPassword())) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                lock.execute();
            }
            String owner = request.ownerRole();
            boolean ownerCreated = !roleExists(c, owner);
            if (ownerCreated) {
                execute(c, "CREATE ROLE " + owner + " NOLOGIN");
            }
            // the master user hands objects over only to a role it may act as
            execute(c, "GRANT " + owner + " TO CURRENT_USER");
            execute(c, "CREATE SCHEMA IF NOT EXISTS " + request.schema() + " AUTHORIZATION " + owner);
            execute(c, "ALTER SCHEMA " + request.schema() + " OWNER TO " + owner);
            int handedOver = handOver(c, request.schema(), owner);
            boolean loginCreated = !roleExists(c, request.serviceUsername());
            if (loginCreated) {
                try (PreparedStatement create = c.prepareStatement("SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', ?, ?)")) {
                    create.setString(1, request.serviceUsername());
                    create.setString(2, request.servicePassword());
                    try (ResultSet sql = create.executeQuery()) {
                        sql.next();
                        execute(c, sql.getString(1));
                    }
                }
            }
            execute(c, "GRANT " + owner + " TO " + request.serviceUsername());
            c.commit();
            return new Outcome(ownerCreated, loginCreated, handedOver);
        }
    }

    /** Tables, views, sequences and functions in the schema that another role owns become the owner role's. */
    private static int handOver(Connection c, String schema, String owner) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (PreparedStatement objects = c.prepareStatement("""
                SELECT format('ALTER %s %I.%I OWNER TO %I',
                       CASE cls.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                        WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                       ns.nspname, cls.relname, ?)
                  FROM pg_class cls JOIN pg_namespace ns ON ns.oid = cls.relnamespace
                 WHERE ns.nspname = ? AND cls.relkind IN ('r', 'p', 'v', 'm', 'S')
                   AND pg_get_userbyid(cls.relowner) <> ?
                   AND NOT (cls.relkind = 'S' AND EXISTS (
                       SELECT 1 FROM pg_depend d WHERE d.objid = cls.oid AND d.deptype IN ('a', 'i')))
                UNION ALL
                SELECT format('ALTER ROUTINE %I.%I(%s) OWNER TO %I', ns.nspname, p.proname,
                       pg_get_function_identity_arguments(p.oid), ?)
                  FROM pg_proc p JOIN pg_namespace ns ON ns.oid = p.pronamespace
                 WHERE ns.nspname = ? AND pg_get_userbyid(p.proowner) <> ?
                """)) {
            objects.setString(1, owner);
            objects.setString(2, schema);
            objects.setString(3, owner);
            objects.setString(4, owner);
            objects.setString(5, schema);
            objects.setString(6, owner);
            try (ResultSet rs = objects.executeQuery()) {
                while (rs.next()) {
                    statements.add(rs.getString(1));
                }
            }
        }
        for (String statement : statements) {
            execute(c, statement);
        }
        return statements.size();
    }

    private static boolean roleExists(Connection c, String role) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            s.setString(1, role);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
