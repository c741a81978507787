package com.aiassistants.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aiassistants.gateway.support.Await;
import com.aiassistants.gateway.support.GatewayTestBase;

class AdminApiTest extends GatewayTestBase {

    @Test
    void adminEndpointsNeedTheBearerToken() {
        assertThat(http().get().uri("/admin/status").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(401);
        assertThat(http().get().uri("/admin/status").header("Authorization", "Bearer wrong").retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void statusShowsTheLeaseAndEachTenantsConnection() {
        awaitActive();
        String body = admin().get().uri("/admin/status").retrieve().body(String.class);
        assertThat(body).contains("\"active\":true").contains("\"tenant_id\":\"default\"").contains("\"state\":\"connected\"")
                .contains("\"provider\":\"cloud\"");
    }

    @Test
    void failedInboundMessagesAreListedAndCanBeRetriedOnceTheCauseIsFixed() {
        awaitActive();
        BACKEND.failNextWithText("please retry me", 422);
        http().post().uri("/simulator/users/34600333444/messages").body(Map.of("text", "please retry me")).retrieve()
                .toBodilessEntity();
        Await.until("the message failed", () -> admin().get().uri("/admin/tenants/default/inbox/failed").retrieve()
                .body(String.class).contains("please retry me"));
        List<?> failed = admin().get().uri("/admin/tenants/default/inbox/failed?limit=5").retrieve().body(List.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) failed.stream()
                .filter(r -> "please retry me".equals(((Map<?, ?>) r).get("text"))).findFirst().orElseThrow();
        assertThat(row).containsEntry("from_number", "34600333444").containsEntry("attempts", 1);
        assertThat((String) row.get("last_error")).contains("422");

        var retried = admin().post().uri("/admin/tenants/default/inbox/failed/retry")
                .body(Map.of("ids", List.of(row.get("id")))).retrieve().toEntity(Map.class);
        assertThat(retried.getStatusCode().value()).isEqualTo(202);
        assertThat((List<?>) retried.getBody().get("requeued")).hasSize(1);
        Await.until("answered after the retry", () -> http().get().uri("/simulator/users/34600333444/messages").retrieve()
                .body(String.class).contains("echo: please retry me"));
        assertThat(admin().get().uri("/admin/tenants/default/inbox/failed").retrieve().body(String.class))
                .doesNotContain("please retry me");
        assertThat(admin().get().uri("/admin/tenants/default/inbox/failed?limit=0").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aStaffMessageIsSentThroughTheOutbox() {
        var response = admin().post().uri("/admin/messages").body(Map.of("to", "+34 600 111 222", "text", "Hola, soy Ana"))
                .retrieve().toEntity(Map.class);
        assertThat(response.getStatusCode().value()).isEqualTo(202);
        long id = ((Number) response.getBody().get("outbox_id")).longValue();
        Await.until("sent", () -> "sent".equals(outboxStatus(id)));
        String chat = http().get().uri("/simulator/users/34600111222/messages").retrieve().body(String.class);
        assertThat(chat).contains("Hola, soy Ana");
        assertThat(admin().get().uri("/admin/messages/{id}", id).retrieve().body(String.class))
                .contains("\"delivery_status\":\"sent\"");
    }

    @Test
    void staffMessagesAreValidated() {
        assertThat(admin().post().uri("/admin/messages").body(Map.of("to", "abc", "text", "")).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(400);
        assertThat(admin().post().uri("/admin/messages").body(Map.of("tenant_id", "nope", "to", "34600123123", "text", "x"))
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theAllowedNumbersFilterDropsOthersAndEmptyMeansEveryone() {
        admin().put().uri("/admin/tenants/default/allowed-numbers").body(Map.of("numbers", List.of("+34 699 000 001")))
                .retrieve().toBodilessEntity();
        var ignored = http().post().uri("/simulator/users/34699000002/messages").body(Map.of("text", "hi")).retrieve()
                .body(Map.class);
        assertThat(ignored.get("result")).isEqualTo("not_allowed");
        var accepted = http().post().uri("/simulator/users/34699000001/messages").body(Map.of("text", "hi")).retrieve()
                .body(Map.class);
        assertThat(accepted.get("result")).isEqualTo("accepted");
        admin().put().uri("/admin/tenants/default/allowed-numbers").body(Map.of("numbers", List.of())).retrieve()
                .toBodilessEntity();
        var open = http().post().uri("/simulator/users/34699000002/messages").body(Map.of("text", "hi again")).retrieve()
                .body(Map.class);
        assertThat(open.get("result")).isEqualTo("accepted");
    }

    @Test
    void loginOperationsSayWhenAProviderHasNoSession() {
        awaitActive();
        // the Cloud API has no session (the simulator plays WhatsApp Web's: SimulatorLoginTest)
        assertThat(admin().post().uri("/admin/tenants/clinic/logout").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(400);
        assertThat(admin().post().uri("/admin/tenants/clinic/pairing-code").body(Map.of("phone_number", "+34600000111"))
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(400);
        assertThat(admin().get().uri("/admin/tenants/clinic/connection").retrieve().body(String.class))
                .contains("\"state\":\"connected\"");
    }
}
