package com.aiassistants.backend.consoleuser;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aiassistants.backend.tenant.AdminUsers.Role;
import com.aiassistants.common.web.ApiProblem;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * Console users in a Cognito user pool: AdminCreateUser (Cognito e-mails a temporary password; the e-mail is the
 * user name, {@code custom:project_id} the project) and the role as a group ({@code owner|admin|staff}, the groups
 * {@code Tokens} reads); deactivation is AdminDisableUser plus AdminUserGlobalSignOut (refresh tokens stop; the
 * ID tokens still valid are refused by backend-api through the user's deactivated row).
 */
final class CognitoUserDirectory implements UserDirectory {

    private static final Logger log = LoggerFactory.getLogger(CognitoUserDirectory.class);

    private final CognitoIdentityProviderClient cognito;
    private final String poolId;
    private final String projectAttribute;

    CognitoUserDirectory(CognitoIdentityProviderClient cognito, String poolId, String projectClaim) {
        this.cognito = cognito;
        this.poolId = poolId;
        this.projectAttribute = projectClaim;
    }

    @Override
    public String kind() {
        return "cognito";
    }

    @Override
    public void invite(String projectId, String email, Role role) {
        call("AdminCreateUser", () -> {
            try {
                cognito.adminCreateUser(r -> r.userPoolId(poolId).username(email)
                        .desiredDeliveryMediums(DeliveryMediumType.EMAIL)
                        .userAttributes(attribute("email", email), attribute("email_verified", "true"),
                                attribute(projectAttribute, projectId)));
            } catch (UsernameExistsException e) {
                throw ApiProblem.conflict("user-exists", "the user pool already has a user with this e-mail");
            }
        });
        call("AdminAddUserToGroup", () -> cognito.adminAddUserToGroup(r -> r.userPoolId(poolId).username(email)
                .groupName(group(role))));
    }

    @Override
    public void roleChanged(String email, Role from, Role to) {
        call("AdminAddUserToGroup", () -> cognito.adminAddUserToGroup(r -> r.userPoolId(poolId).username(email)
                .groupName(group(to))));
        call("AdminRemoveUserFromGroup", () -> cognito.adminRemoveUserFromGroup(r -> r.userPoolId(poolId)
                .username(email).groupName(group(from))));
    }

    @Override
    public void deactivated(String email) {
        call("AdminDisableUser", () -> cognito.adminDisableUser(r -> r.userPoolId(poolId).username(email)));
        call("AdminUserGlobalSignOut", () -> cognito.adminUserGlobalSignOut(r -> r.userPoolId(poolId).username(email)));
    }

    @Override
    public void reactivated(String email) {
        call("AdminEnableUser", () -> cognito.adminEnableUser(r -> r.userPoolId(poolId).username(email)));
    }

    static String group(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private static void call(String operation, Runnable call) {
        try {
            call.run();
        } catch (UserNotFoundException e) {
            throw ApiProblem.conflict("not-in-user-pool", "the user pool has no such user");
        } catch (CognitoIdentityProviderException e) {
            log.warn("cognito {} failed: status={} code={}", operation, e.statusCode(),
                    e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode());
            throw new ApiProblem(org.springframework.http.HttpStatus.BAD_GATEWAY, "user-pool-error",
                    "the Cognito user pool refused " + operation);
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            log.warn("cognito {} unreachable: {}", operation, e.getClass().getSimpleName());
            throw new ApiProblem(org.springframework.http.HttpStatus.BAD_GATEWAY, "user-pool-unreachable",
                    "the Cognito user pool did not answer " + operation);
        }
    }
}
