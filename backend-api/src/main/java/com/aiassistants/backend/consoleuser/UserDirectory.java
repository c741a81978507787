package com.aiassistants.backend.consoleuser;

import com.aiassistants.backend.tenant.AdminUsers.Role;

/**
 * Where console users sign in. Locally (built-in sign-in) an invitation is a single-use set-password link the
 * console shows once; with a Cognito user pool the user is created there (Cognito e-mails a temporary password)
 * and roles and deactivation are mirrored into the pool.
 */
public interface UserDirectory {

    /** {@code link}: the invitee sets a password through the console's link; {@code cognito}: Cognito e-mails them. */
    String kind();

    /** Creates the user in the directory (nothing to do locally: the row and its link are the invitation). */
    void invite(String projectId, String email, Role role);

    void roleChanged(String email, Role from, Role to);

    /** Stops the user signing in and ends the sessions the directory issued. */
    void deactivated(String email);

    void reactivated(String email);
}
