package com.aiassistants.backend.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aiassistants.backend.BackendTestBase;

import tools.jackson.databind.JsonNode;

/**
 * Console users: an owner invites (a set-password link), the invitee signs in with the password they set, roles
 * apply to sessions already open, deactivated users lose access at once, the last owner stays; only owners and
 * superadmins manage users; tenant isolation and problem details on every route; the superadmin's projects.
 */
class ConsoleUsersTest extends BackendTestBase {

    Response call(String method, String path, String token, Object body) {
        return send(method, path, token == null ? Map.of() : bearer(token), body == null ? null : json(body));
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    JsonNode ok(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.body() == null || response.body().isEmpty() ? null : response.json();
    }

    static void problem(Response response, int status, String slug) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        if (slug != null) {
            assertThat(response.json().get("type").asString()).endsWith("/" + slug);
        }
    }

    static String users(String projectId) {
        return "/v1/admin/projects/" + projectId + "/users";
    }

    /** Invites {@code email} as {@code role}, sets the password through the link and returns the session token. */
    String inviteAndAccept(TestProject project, String email, String role) {
        JsonNode invitation = ok(call("POST", users(project.id()), project.ownerToken(), map("email", email, "role", role)), 201);
        return ok(call("POST", "/v1/admin/invites/accept", null,
                map("token", invitation.get("invite_token").asString(), "password", "invited-pass-123")), 200)
                .get("access_token").asString();
    }

    String userId(TestProject project, String email) {
        for (JsonNode user : ok(call("GET", users(project.id()), project.ownerToken(), null), 200).get("users")) {
            if (user.get("email").asString().equals(email)) {
                return user.get("id").asString();
            }
        }
        throw new AssertionError(email + " not listed");
    }

    @Test
    void anInviteeSetsAPasswordThroughTheLinkOnceAndSignsInWithStaffRights() {
        TestProject project = newProject();
        String email = "Nueva.Staff@" + project.id() + ".test";
        JsonNode invitation = ok(call("POST", users(project.id()), project.ownerToken(),
                map("email", email, "role", "staff")), 201);
        assertThat(invitation.get("delivery").asString()).isEqualTo("link");
        String token = invitation.get("invite_token").asString();
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(invitation.get("user").get("status").asString()).isEqualTo("invited");
        assertThat(invitation.get("user").get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(invitation.get("user").get("invited_by").asString()).isEqualTo("owner@" + project.id() + ".test");
        // only the token's hash is stored
        assertThat(jdbc.sql("select count(*) from admin_invite where encode(token_hash, 'escape') like ?")
                .param("%" + token + "%").query(Long.class).single()).isZero();

        // no password yet: signing in fails
        problem(send("POST", "/v1/admin/login", Map.of(), json(map("email", email, "password", "anything-123"))), 401, null);
        JsonNode info = ok(call("POST", "/v1/admin/invites/lookup", null, map("token", token)), 200);
        assertThat(info.get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(info.get("project_name").asString()).isEqualTo("Test " + project.id());

        problem(call("POST", "/v1/admin/invites/accept", null, map("token", token, "password", "short")), 400, null);
        JsonNode session = ok(call("POST", "/v1/admin/invites/accept", null,
                map("token", token, "password", "staff-pass-123")), 200);
        assertThat(session.get("role").asString()).isEqualTo("staff");
        assertThat(session.get("project_id").asString()).isEqualTo(project.id());
        // the link is spent
        problem(call("POST", "/v1/admin/invites/accept", null, map("token", token, "password", "other-pass-123")), 410,
                "invite-invalid");
        problem(call("POST", "/v1/admin/invites/lookup", null, map("token", token)), 410, "invite-invalid");
        problem(call("POST", "/v1/admin/invites/lookup", null, map("token", "")), 400, null);

        String staff = login(email, "staff-pass-123");
        assertThat(ok(call("GET", "/v1/admin/me", staff, null), 200).get("role").asString()).isEqualTo("staff");
        assertThat(ok(call("GET", "/v1/admin/projects/" + project.id() + "/settings", staff, null), 200)).isNotNull();
        problem(call("GET", users(project.id()), staff, null), 403, null);
        problem(call("POST", users(project.id()), staff, map("email", "x@y.test", "role", "staff")), 403, null);
        problem(call("GET", "/v1/admin/projects/" + project.id() + "/api-keys", staff, null), 403, null);

        JsonNode listed = ok(call("GET", users(project.id()), project.ownerToken(), null), 200);
        assertThat(listed.get("delivery").asString()).isEqualTo("link");
        assertThat(listed.get("users").findValuesAsString("email"))
                .containsExactly("owner@" + project.id() + ".test", email.toLowerCase());
        assertThat(listed.get("users").get(1).get("status").asString()).isEqualTo("active");
    }

    @Test
    void aDeactivatedUserLosesTheirOpenSessionAndCannotSignInUntilReactivated() {
        TestProject project = newProject();
        String email = "staff@" + project.id() + ".test";
        String staff = inviteAndAccept(project, email, "staff");
        ok(call("GET", "/v1/admin/me", staff, null), 200);
        String id = userId(project, email);

        JsonNode deactivated = ok(call("POST", users(project.id()) + "/" + id + "/deactivate", project.ownerToken(), null), 200);
        assertThat(deactivated.get("status").asString()).isEqualTo("deactivated");
        assertThat(deactivated.get("deactivated_at").isNull()).isFalse();
        assertThat(call("GET", "/v1/admin/me", staff, null).status()).isEqualTo(401);
        problem(send("POST", "/v1/admin/login", Map.of(), json(map("email", email, "password", "invited-pass-123"))), 401, null);

        ok(call("POST", users(project.id()) + "/" + id + "/reactivate", project.ownerToken(), null), 200);
        String again = login(email, "invited-pass-123");
        ok(call("GET", "/v1/admin/me", again, null), 200);
    }

    @Test
    void aRoleChangeAppliesToTheSessionAlreadyOpen() {
        TestProject project = newProject();
        String email = "promoted@" + project.id() + ".test";
        String session = inviteAndAccept(project, email, "staff");
        problem(call("GET", users(project.id()), session, null), 403, null);
        JsonNode changed = ok(call("PUT", users(project.id()) + "/" + userId(project, email) + "/role",
                project.ownerToken(), map("role", "owner")), 200);
        assertThat(changed.get("role").asString()).isEqualTo("owner");
        ok(call("GET", users(project.id()), session, null), 200);
        assertThat(ok(call("GET", "/v1/admin/me", session, null), 200).get("role").asString()).isEqualTo("owner");
    }

    @Test
    void theLastOwnerCannotBeDemotedOrDeactivated() {
        TestProject project = newProject();
        String owner = userId(project, "owner@" + project.id() + ".test");
        String path = users(project.id()) + "/" + owner;
        problem(call("PUT", path + "/role", project.ownerToken(), map("role", "admin")), 409, "last-owner");
        problem(call("POST", path + "/deactivate", project.ownerToken(), null), 409, "last-owner");

        // an owner who has not set a password yet does not count
        JsonNode invited = ok(call("POST", users(project.id()), project.ownerToken(),
                map("email", "second@" + project.id() + ".test", "role", "owner")), 201);
        problem(call("PUT", path + "/role", project.ownerToken(), map("role", "admin")), 409, "last-owner");

        String second = ok(call("POST", "/v1/admin/invites/accept", null,
                map("token", invited.get("invite_token").asString(), "password", "second-pass-123")), 200)
                .get("access_token").asString();
        ok(call("PUT", path + "/role", project.ownerToken(), map("role", "admin")), 200);
        // the first owner is an admin now (same session): no longer allowed here
        problem(call("GET", users(project.id()), project.ownerToken(), null), 403, null);
        String secondId = invited.get("user").get("id").asString();
        problem(call("POST", users(project.id()) + "/" + secondId + "/deactivate", second, null), 409, "last-owner");
        problem(call("PUT", users(project.id()) + "/" + secondId + "/role", second, map("role", "staff")), 409, "last-owner");
    }

    @Test
    void everyRouteIsForOwnersOfTheProjectOnlyAndValidatesItsInput() {
        TestProject project = newProject();
        TestProject other = newProject();
        String email = "colleague@" + project.id() + ".test";
        inviteAndAccept(project, email, "admin");
        String admin = login(email, "invited-pass-123");
        String id = userId(project, email);
        String base = users(project.id());

        for (String token : new String[] {admin, other.ownerToken()}) {
            int expected = token.equals(admin) ? 403 : 404;
            problem(call("GET", base, token, null), expected, null);
            problem(call("POST", base, token, map("email", "a@b.test", "role", "staff")), expected, null);
            problem(call("PUT", base + "/" + id + "/role", token, map("role", "staff")), expected, null);
            problem(call("POST", base + "/" + id + "/deactivate", token, null), expected, null);
            problem(call("POST", base + "/" + id + "/reactivate", token, null), expected, null);
            problem(call("POST", base + "/" + id + "/invitation", token, null), expected, null);
        }
        // another project's owner cannot reach this project's user through their own project either
        problem(call("POST", users(other.id()) + "/" + id + "/deactivate", other.ownerToken(), null), 404, "not-found");
        problem(send("GET", base, key(project.apiKey()), null), 403, null);
        assertThat(send("GET", base, Map.of(), null).status()).isEqualTo(401);

        String owner = project.ownerToken();
        problem(call("POST", base, owner, map("email", "not-an-email", "role", "staff")), 400, null);
        problem(call("POST", base, owner, map("email", "ok@x.test", "role", "king")), 400, "invalid-role");
        problem(call("POST", base, owner, map("role", "staff")), 400, null);
        problem(call("POST", base, owner, map("email", email.toUpperCase(), "role", "staff")), 409, "user-exists");
        problem(call("PUT", base + "/" + id + "/role", owner, map("role", "")), 400, null);
        problem(call("PUT", base + "/not-a-uuid/role", owner, map("role", "staff")), 400, null);
        problem(call("POST", base + "/00000000-0000-0000-0000-000000000000/deactivate", owner, null), 404, "not-found");
        problem(call("POST", base + "/" + id + "/invitation", owner, null), 409, "not-invited");

        // a new link replaces the old one
        JsonNode invited = ok(call("POST", base, owner, map("email", "late@" + project.id() + ".test", "role", "staff")), 201);
        JsonNode renewed = ok(call("POST", base + "/" + invited.get("user").get("id").asString() + "/invitation", owner,
                null), 200);
        problem(call("POST", "/v1/admin/invites/lookup", null, map("token", invited.get("invite_token").asString())), 410,
                "invite-invalid");
        ok(call("POST", "/v1/admin/invites/lookup", null, map("token", renewed.get("invite_token").asString())), 200);
    }

    @Test
    void aSuperadminListsAndCreatesProjectsAndManagesTheirUsers() {
        TestProject project = newProject();
        String superadmin = superadminToken();
        JsonNode projects = ok(call("GET", "/v1/admin/projects", superadmin, null), 200);
        JsonNode row = null;
        for (JsonNode p : projects) {
            if (p.get("project_id").asString().equals(project.id())) {
                row = p;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("users").asLong()).isEqualTo(1);
        assertThat(row.get("time_zone").asString()).isEqualTo("America/Argentina/Buenos_Aires");
        problem(call("GET", "/v1/admin/projects", project.ownerToken(), null), 403, null);
        problem(call("POST", "/v1/admin/projects", project.ownerToken(),
                map("id", "nope", "name", "Nope", "time_zone", "UTC", "locale", "es")), 403, null);
        problem(call("POST", "/v1/admin/projects", superadmin,
                map("id", project.id(), "name", "Again", "time_zone", "UTC", "locale", "es")), 409, "project-exists");
        problem(call("POST", "/v1/admin/projects", superadmin,
                map("id", "x-" + project.id(), "name", "Bad zone", "time_zone", "Mars/Olympus", "locale", "es")), 400,
                "invalid-time-zone");

        ok(call("POST", users(project.id()), superadmin, map("email", "by-super@" + project.id() + ".test", "role", "owner")), 201);
        assertThat(ok(call("GET", users(project.id()), superadmin, null), 200).get("users")).hasSize(2);
    }
}
