package com.aiassistants.backend.consoleuser;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aiassistants.backend.BackendProperties;
import com.aiassistants.backend.support.Signatures;
import com.aiassistants.backend.tenant.AdminUsers;
import com.aiassistants.backend.tenant.AdminUsers.AdminUser;
import com.aiassistants.backend.tenant.AdminUsers.Role;
import com.aiassistants.backend.tenant.Tokens;
import com.aiassistants.common.web.ApiProblem;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A project's console users: invite (a set-password link, or a Cognito user), change role, deactivate and
 * reactivate. A project always keeps one active owner who can sign in: the change that would leave none is a
 * 409 {@code last-owner}, decided while the project's owner rows are locked (two owners demoting each other at
 * once cannot both win).
 */
@Service
public class ConsoleUsers {

    private static final Logger log = LoggerFactory.getLogger(ConsoleUsers.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AdminUsers adminUsers;
    private final Tokens tokens;
    private final UserDirectory directory;
    private final BackendProperties.Auth auth;

    public ConsoleUsers(JdbcClient jdbc, PasswordEncoder passwords, AdminUsers adminUsers, Tokens tokens,
            UserDirectory directory, BackendProperties properties) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.adminUsers = adminUsers;
        this.tokens = tokens;
        this.directory = directory;
        this.auth = properties.auth();
    }

    /** A console user of the project; {@code invited}: has not set a password through the link yet. */
    public record UserView(UUID id, String email, @Schema(allowableValues = {"owner", "admin", "staff"}) String role,
            @Schema(allowableValues = {"active", "invited", "deactivated"}) String status, boolean superadmin,
            @Schema(types = {"string", "null"}) String invitedBy, Instant createdAt,
            @Schema(types = {"string", "null"}, format = "date-time") Instant deactivatedAt) {
    }

    /**
     * @param delivery    {@code link}: show {@code invite_token} once as the console's set-password link;
     *                    {@code cognito}: the user pool e-mailed a temporary password
     * @param inviteToken the set-password token (only here, only with {@code link})
     */
    public record Invitation(UserView user, @Schema(allowableValues = {"link", "cognito"}) String delivery,
            @Schema(types = {"string", "null"}) String inviteToken,
            @Schema(types = {"string", "null"}, format = "date-time") Instant inviteExpiresAt) {
    }

    public String delivery() {
        return directory.kind();
    }

    public List<UserView> list(String projectId) {
        return jdbc.sql(SELECT + " where u.project_id = ? order by u.created_at, u.email")
                .param(projectId).query(ConsoleUsers::view).list();
    }

    private static final String SELECT = """
            select u.id, u.email, u.role, u.superadmin, u.invited_by, u.created_at, u.deactivated_at,
                   (i.user_id is not null) as invited
            from admin_user u left join admin_invite i on i.user_id = u.id""";

    private UserView require(String projectId, UUID userId) {
        return jdbc.sql(SELECT + " where u.project_id = ? and u.id = ?").params(projectId, userId)
                .query(ConsoleUsers::view).optional().orElseThrow(() -> ApiProblem.notFound("user"));
    }

    @Transactional
    public Invitation invite(String projectId, String email, Role role, String invitedBy) {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                insert into admin_user (id, email, password_hash, role, project_id, superadmin, invited_by)
                values (?, ?, null, ?, ?, false, ?) on conflict (email) do nothing""")
                .params(id, normalized, role.name().toLowerCase(Locale.ROOT), projectId, invitedBy).update();
        if (inserted == 0) {
            throw ApiProblem.conflict("user-exists", "a console user with this e-mail exists");
        }
        directory.invite(projectId, normalized, role);
        log.info("console user invited: project={} user={} role={} delivery={}", projectId, id, role, directory.kind());
        if (!"link".equals(directory.kind())) {
            return new Invitation(require(projectId, id), directory.kind(), null, null);
        }
        Link link = newLink(id);
        return new Invitation(require(projectId, id), "link", link.token(), link.expiresAt());
    }

    /** A new set-password link for a user who has not used theirs (the old one stops working). */
    @Transactional
    public Invitation renewInvitation(String projectId, UUID userId) {
        UserView user = require(projectId, userId);
        if (!"link".equals(directory.kind()) || !"invited".equals(user.status())) {
            throw ApiProblem.conflict("not-invited", "this user has no pending set-password link");
        }
        Link link = newLink(userId);
        return new Invitation(user, "link", link.token(), link.expiresAt());
    }

    private record Link(String token, Instant expiresAt) {
    }

    private Link newLink(UUID userId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // the link is checked against the database's now(), so its expiry is set from it too
        Instant expires = jdbc.sql("""
                insert into admin_invite (user_id, token_hash, expires_at) values (?, ?, now() + make_interval(secs => ?))
                on conflict (user_id) do update set token_hash = excluded.token_hash, expires_at = excluded.expires_at,
                    created_at = now()
                returning expires_at""")
                .params(userId, Signatures.sha256(token), auth.inviteTtl().toMillis() / 1000.0)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
        return new Link(token, expires);
    }

    @Transactional
    public UserView changeRole(String projectId, UUID userId, Role role) {
        UserView user = lockAndRequire(projectId, userId);
        Role from = Role.valueOf(user.role().toUpperCase(Locale.ROOT));
        if (from == role) {
            return user;
        }
        if (from == Role.OWNER) {
            requireAnotherOwner(projectId, userId, "demote");
        }
        jdbc.sql("update admin_user set role = ? where id = ?").params(role.name().toLowerCase(Locale.ROOT), userId).update();
        directory.roleChanged(user.email(), from, role);
        tokens.forget(userId);
        log.info("console user role changed: project={} user={} from={} to={}", projectId, userId, from, role);
        return require(projectId, userId);
    }

    @Transactional
    public UserView deactivate(String projectId, UUID userId) {
        UserView user = lockAndRequire(projectId, userId);
        if ("deactivated".equals(user.status())) {
            return user;
        }
        if ("owner".equals(user.role())) {
            requireAnotherOwner(projectId, userId, "deactivate");
        }
        jdbc.sql("update admin_user set deactivated_at = now() where id = ?").param(userId).update();
        jdbc.sql("delete from admin_invite where user_id = ?").param(userId).update();
        directory.deactivated(user.email());
        tokens.forget(userId);
        log.info("console user deactivated: project={} user={}", projectId, userId);
        return require(projectId, userId);
    }

    @Transactional
    public UserView reactivate(String projectId, UUID userId) {
        UserView user = lockAndRequire(projectId, userId);
        if (!"deactivated".equals(user.status())) {
            return user;
        }
        jdbc.sql("update admin_user set deactivated_at = null where id = ?").param(userId).update();
        directory.reactivated(user.email());
        tokens.forget(userId);
        log.info("console user reactivated: project={} user={}", projectId, userId);
        return require(projectId, userId);
    }

    /** Locks the project's owner rows (then the user's row) so last-owner decisions are serialised per project. */
    private UserView lockAndRequire(String projectId, UUID userId) {
        jdbc.sql("select id from admin_user where project_id = ? and role = 'owner' order by id for update")
                .param(projectId).query(UUID.class).list();
        jdbc.sql("select id from admin_user where project_id = ? and id = ? for update").params(projectId, userId)
                .query(UUID.class).list();
        return require(projectId, userId);
    }

    private void requireAnotherOwner(String projectId, UUID userId, String action) {
        long others = jdbc.sql("""
                select count(*) from admin_user u
                where u.project_id = ? and u.role = 'owner' and u.id <> ? and u.deactivated_at is null
                  and not exists (select 1 from admin_invite i where i.user_id = u.id)""")
                .params(projectId, userId).query(Long.class).single();
        if (others == 0) {
            throw ApiProblem.conflict("last-owner", "cannot " + action + " the last owner of the project: "
                    + "make another user owner first");
        }
    }

    /** Who a set-password link belongs to (nothing when it is unknown, used or expired). */
    public Optional<InvitedUser> lookup(String token) {
        return jdbc.sql("""
                select u.id, u.email, p.name as project_name from admin_invite i
                join admin_user u on u.id = i.user_id join project p on p.id = u.project_id
                where i.token_hash = ? and i.expires_at > now() and u.deactivated_at is null""")
                .param(Signatures.sha256(token))
                .query((rs, n) -> new InvitedUser(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("project_name")))
                .optional();
    }

    public record InvitedUser(UUID userId, String email, String projectName) {
    }

    /** Sets the invitee's password and spends the link; the user can sign in from now on. */
    @Transactional
    public AdminUser accept(String token, String password) {
        InvitedUser invited = lookup(token).orElseThrow(() -> new ApiProblem(org.springframework.http.HttpStatus.GONE,
                "invite-invalid", "this link is unknown, used or expired: ask an owner for a new one"));
        int spent = jdbc.sql("delete from admin_invite where user_id = ? and token_hash = ?")
                .params(invited.userId(), Signatures.sha256(token)).update();
        if (spent == 0) {
            throw new ApiProblem(org.springframework.http.HttpStatus.GONE, "invite-invalid", "this link was just used");
        }
        jdbc.sql("update admin_user set password_hash = ? where id = ?")
                .params(passwords.encode(password), invited.userId()).update();
        log.info("console user set their password: user={}", invited.userId());
        return adminUsers.active(invited.userId()).orElseThrow();
    }

    private static UserView view(ResultSet rs, int n) throws SQLException {
        java.sql.Timestamp deactivated = rs.getTimestamp("deactivated_at");
        String status = deactivated != null ? "deactivated" : rs.getBoolean("invited") ? "invited" : "active";
        return new UserView(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("role"), status,
                rs.getBoolean("superadmin"), rs.getString("invited_by"), rs.getTimestamp("created_at").toInstant(),
                deactivated == null ? null : deactivated.toInstant());
    }
}
