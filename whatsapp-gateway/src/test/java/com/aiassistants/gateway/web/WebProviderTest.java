package com.aiassistants.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.aiassistants.gateway.provider.ConnectionStatus;
import com.aiassistants.gateway.provider.ConnectionStatus.State;
import com.aiassistants.gateway.support.GatewayTestBase;

/** What of the WhatsApp Web provider can be checked offline: session persistence, filters, status machine. */
class WebProviderTest extends GatewayTestBase {

    @Autowired
    TransactionTemplate transactions;

    @TempDir
    Path scratch;

    @Test
    void sessionFilesSurviveARestartThroughPostgres() throws Exception {
        PostgresWebSessionStore store = new PostgresWebSessionStore(org.springframework.jdbc.core.simple.JdbcClient.create(jdbc), transactions, scratch.resolve("a"));
        Path dir = store.prepare("salon");
        Files.createDirectories(dir.resolve("web/1234"));
        Files.write(dir.resolve("web/1234/keys.proto"), new byte[] {1, 2, 3});
        Files.write(dir.resolve("web/1234/store.proto"), new byte[] {9});
        store.persist("salon");
        Files.write(dir.resolve("web/1234/keys.proto"), new byte[] {4, 5});
        Files.delete(dir.resolve("web/1234/store.proto"));
        store.persist("salon");

        // a new container: empty scratch directory, same database
        PostgresWebSessionStore restarted = new PostgresWebSessionStore(org.springframework.jdbc.core.simple.JdbcClient.create(jdbc), transactions, scratch.resolve("b"));
        Path restored = restarted.prepare("salon");
        assertThat(Files.readAllBytes(restored.resolve("web/1234/keys.proto"))).containsExactly(4, 5);
        assertThat(restored.resolve("web/1234/store.proto")).doesNotExist();

        restarted.delete("salon");
        assertThat(jdbc.queryForObject("select count(*) from web_session_file where tenant_id = 'salon'", Integer.class))
                .isZero();
    }

    @Test
    void theDirectoryStoreKeepsFilesWhereTheyAre() throws Exception {
        DirectoryWebSessionStore store = new DirectoryWebSessionStore(scratch);
        Path dir = store.prepare("salon/../x");
        assertThat(dir.getParent()).isEqualTo(scratch);
        Files.writeString(dir.resolve("keys"), "k");
        assertThat(Files.readString(new DirectoryWebSessionStore(scratch).prepare("salon/../x").resolve("keys"))).isEqualTo("k");
    }

    @Test
    void onlyPrivateMessagesFromOthersAreAccepted() {
        WebInboundFilter filter = new WebInboundFilter();
        assertThat(filter.decide(false, true)).isEqualTo(WebInboundFilter.Decision.ACCEPT);
        assertThat(filter.decide(false, false)).isEqualTo(WebInboundFilter.Decision.NOT_A_PRIVATE_CHAT);
        assertThat(filter.decide(true, true)).isEqualTo(WebInboundFilter.Decision.OWN_MESSAGE);
    }

    @Test
    void theStatusIsHonestAndReconnectsBackOffUpToACap() {
        List<State> seen = new ArrayList<>();
        WebConnectionState state = new WebConnectionState(Duration.ofSeconds(1), Duration.ofSeconds(8),
                s -> seen.add(s.state()), java.time.Clock.systemUTC());
        state.connecting();
        state.qrCode("2@abc,def");
        assertThat(state.status().qrCode()).isEqualTo("2@abc,def");
        state.loggedIn();
        assertThat(state.status().up()).isTrue();
        assertThat(state.disconnected(WebConnectionState.Reason.DISCONNECTED)).isEqualTo(Duration.ofSeconds(1));
        assertThat(state.disconnected(WebConnectionState.Reason.DISCONNECTED)).isEqualTo(Duration.ofSeconds(2));
        assertThat(state.disconnected(WebConnectionState.Reason.DISCONNECTED)).isEqualTo(Duration.ofSeconds(4));
        assertThat(state.disconnected(WebConnectionState.Reason.DISCONNECTED)).isEqualTo(Duration.ofSeconds(8));
        assertThat(state.disconnected(WebConnectionState.Reason.DISCONNECTED)).isEqualTo(Duration.ofSeconds(8));
        state.loggedIn();
        assertThat(state.disconnected(WebConnectionState.Reason.DISCONNECTED)).isEqualTo(Duration.ofSeconds(1));
        assertThat(state.disconnected(WebConnectionState.Reason.LOGGED_OUT)).isNull();
        assertThat(state.status().state()).isEqualTo(State.LOGGED_OUT);
        assertThat(state.disconnected(WebConnectionState.Reason.BANNED)).isNull();
        state.pairingCode("ABCD-EFGH");
        assertThat(state.status()).extracting(ConnectionStatus::pairingCode).isEqualTo("ABCD-EFGH");
        assertThat(seen).containsSubsequence(State.CONNECTING, State.NEEDS_QR, State.CONNECTED, State.DISCONNECTED,
                State.CONNECTED, State.DISCONNECTED, State.LOGGED_OUT, State.BANNED, State.NEEDS_PAIRING_CODE);
    }

    @Test
    void cobaltBuildsAWebSessionOnThisJvm() {
        // Cobalt's builder resolves and configures on Java 25; connecting needs WhatsApp's servers (not reachable here).
        var options = it.auties.whatsapp.api.Whatsapp.webBuilder()
                .serializer(it.auties.whatsapp.controller.ControllerSerializer.toProtobuf(scratch))
                .newConnection(CobaltWebProvider.sessionUuid("salon"));
        assertThat(options).isNotNull();
    }
}
