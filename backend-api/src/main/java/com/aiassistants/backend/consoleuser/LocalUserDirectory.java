package com.aiassistants.backend.consoleuser;

import com.aiassistants.backend.tenant.AdminUsers.Role;

/** Built-in sign-in: the admin_user row and its set-password link are all there is. */
final class LocalUserDirectory implements UserDirectory {

    @Override
    public String kind() {
        return "link";
    }

    @Override
    public void invite(String projectId, String email, Role role) {
    }

    @Override
    public void roleChanged(String email, Role from, Role to) {
    }

    @Override
    public void deactivated(String email) {
    }

    @Override
    public void reactivated(String email) {
    }
}
