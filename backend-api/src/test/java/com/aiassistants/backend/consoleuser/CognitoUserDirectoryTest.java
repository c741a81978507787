package com.aiassistants.backend.consoleuser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aiassistants.backend.tenant.AdminUsers.Role;
import com.aiassistants.common.web.ApiProblem;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Cognito directory's calls as they go over the wire (AWS JSON 1.1: {@code X-Amz-Target}, SigV4 over the
 * body), answered by a local HTTP server the way Cognito answers, including its error shapes.
 */
class CognitoUserDirectoryTest {

    record Call(String target, JsonNode body, String authorization) {
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    HttpServer server;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    /** {status, __type} answers queued per call; none queued: 200 {}. */
    final ConcurrentLinkedQueue<String[]> answers = new ConcurrentLinkedQueue<>();
    CognitoUserDirectory directory;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            calls.add(new Call(exchange.getRequestHeaders().getFirst("X-Amz-Target"),
                    JSON.readTree(new String(body, StandardCharsets.UTF_8)),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            String[] answer = answers.poll();
            int status = answer == null ? 200 : Integer.parseInt(answer[0]);
            byte[] out = (answer == null ? "{}" : "{\"__type\":\"" + answer[1] + "\",\"message\":\"m\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            if (answer != null) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", answer[1]);
            }
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
        CognitoIdentityProviderClient client = CognitoIdentityProviderClient.builder()
                .region(Region.of("us-east-1"))
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
        directory = new CognitoUserDirectory(client, "us-east-1_Pool123", "custom:project_id");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anInvitationCreatesTheUserWithTheProjectAndPutsThemInTheRoleGroup() {
        directory.invite("clinic-a", "ana@clinic.test", Role.STAFF);
        assertThat(calls).extracting(Call::target).containsExactly(
                "AWSCognitoIdentityProviderService.AdminCreateUser",
                "AWSCognitoIdentityProviderService.AdminAddUserToGroup");
        JsonNode create = calls.get(0).body();
        assertThat(create.get("UserPoolId").asString()).isEqualTo("us-east-1_Pool123");
        assertThat(create.get("Username").asString()).isEqualTo("ana@clinic.test");
        assertThat(create.get("DesiredDeliveryMediums").get(0).asString()).isEqualTo("EMAIL");
        assertThat(create.get("UserAttributes").findValuesAsString("Name"))
                .containsExactly("email", "email_verified", "custom:project_id");
        assertThat(create.get("UserAttributes").findValuesAsString("Value"))
                .containsExactly("ana@clinic.test", "true", "clinic-a");
        assertThat(calls.get(1).body().get("GroupName").asString()).isEqualTo("staff");
        assertThat(calls.get(0).authorization()).startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/")
                .contains("/us-east-1/cognito-idp/aws4_request");
    }

    @Test
    void roleChangesMoveGroupsAndDeactivationDisablesAndSignsOut() {
        directory.roleChanged("ana@clinic.test", Role.STAFF, Role.ADMIN);
        directory.deactivated("ana@clinic.test");
        directory.reactivated("ana@clinic.test");
        assertThat(calls).extracting(Call::target).containsExactly(
                "AWSCognitoIdentityProviderService.AdminAddUserToGroup",
                "AWSCognitoIdentityProviderService.AdminRemoveUserFromGroup",
                "AWSCognitoIdentityProviderService.AdminDisableUser",
                "AWSCognitoIdentityProviderService.AdminUserGlobalSignOut",
                "AWSCognitoIdentityProviderService.AdminEnableUser");
        assertThat(calls.get(0).body().get("GroupName").asString()).isEqualTo("admin");
        assertThat(calls.get(1).body().get("GroupName").asString()).isEqualTo("staff");
        assertThat(calls).allSatisfy(c -> assertThat(c.body().get("Username").asString()).isEqualTo("ana@clinic.test"));
    }

    @Test
    void cognitosRefusalsBecomeProblems() {
        answers.add(new String[] {"400", "UsernameExistsException"});
        assertThatThrownBy(() -> directory.invite("ana@clinic.test", "ana@clinic.test", Role.OWNER))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status().value()).isEqualTo(409));
        answers.add(new String[] {"400", "UserNotFoundException"});
        assertThatThrownBy(() -> directory.deactivated("ghost@clinic.test"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status().value()).isEqualTo(409));
        answers.add(new String[] {"400", "NotAuthorizedException"});
        assertThatThrownBy(() -> directory.reactivated("ana@clinic.test"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status().value()).isEqualTo(502));
    }
}
