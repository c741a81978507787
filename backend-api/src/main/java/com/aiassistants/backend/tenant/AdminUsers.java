package com.aiassistants.backend.tenant;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/** Console users with bcrypt passwords; a superadmin may act on every project. */
@Repository
public class AdminUsers {

    public enum Role { OWNER, ADMIN, STAFF }

    public record AdminUser(UUID id, String email, Role role, String projectId, boolean superadmin) {
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    public AdminUsers(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** Creates the user unless the e-mail exists; returns the stored user either way. */
    public AdminUser ensure(String email, String password, Role role, String projectId, boolean superadmin) {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        jdbc.sql("""
                insert into admin_user (id, email, password_hash, role, project_id, superadmin)
                values (?, ?, ?, ?, ?, ?) on conflict (email) do nothing""")
                .params(UUID.randomUUID(), normalized, passwords.encode(password), role.name().toLowerCase(Locale.ROOT),
                        projectId, superadmin)
                .update();
        return find(normalized).orElseThrow();
    }

    public Optional<AdminUser> login(String email, String password) {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        return jdbc.sql("""
                select id, email, password_hash, role, project_id, superadmin from admin_user
                where email = ? and password_hash is not null and deactivated_at is null""")
                .param(normalized)
                .query((rs, n) -> passwords.matches(password, rs.getString("password_hash"))
                        ? Optional.of(map(rs)) : Optional.<AdminUser>empty())
                .optional()
                .flatMap(o -> o);
    }

    /** Whether the console user {@code id} still exists and is not deactivated (others lose their sessions). */
    public boolean exists(UUID id) {
        return active(id).isPresent();
    }

    /** The console user {@code id} as stored now, unless removed or deactivated. */
    public Optional<AdminUser> active(UUID id) {
        return jdbc.sql("select id, email, role, project_id, superadmin from admin_user where id = ? and deactivated_at is null")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** Whether a deactivated console user has this e-mail (Cognito tokens of deactivated users are refused). */
    public boolean deactivated(String email) {
        return email != null && jdbc.sql("select count(*) from admin_user where email = ? and deactivated_at is not null")
                .param(email.trim().toLowerCase(Locale.ROOT)).query(Long.class).single() > 0;
    }

    public Optional<AdminUser> find(String email) {
        return jdbc.sql("select id, email, role, project_id, superadmin from admin_user where email = ?")
                .param(email.trim().toLowerCase(Locale.ROOT))
                .query((rs, n) -> map(rs))
                .optional();
    }

    private static AdminUser map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AdminUser(rs.getObject("id", UUID.class), rs.getString("email"),
                Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)), rs.getString("project_id"),
                rs.getBoolean("superadmin"));
    }
}
