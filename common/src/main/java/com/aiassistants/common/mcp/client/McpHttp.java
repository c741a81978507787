package com.aiassistants.common.mcp.client;

import java.time.Duration;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client of the MCP clients: Apache HttpClient's blocking client, which does each exchange on the calling
 * thread, over a pool of kept-alive connections to one service.
 */
final class McpHttp {

    /** Connections kept to one service at most; a call finding them all busy waits up to its timeout for one. */
    static final int MAX_CONNECTIONS = 128;
    /** A pooled connection idle longer than this is checked before it is used again (the server may have closed it). */
    static final TimeValue CHECK_AFTER_IDLE = TimeValue.ofSeconds(2);
    /** Connections idle this long are closed (the servers close theirs after 60 s). */
    static final TimeValue CLOSE_AFTER_IDLE = TimeValue.ofSeconds(30);

    private McpHttp() {
    }

    /** The pool: every wait to connect and for each read of an answer is at most {@code timeout}. */
    static PoolingHttpClientConnectionManager connectionPool(Duration timeout) {
        Timeout wait = Timeout.of(timeout);
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(wait)
                        .setSocketTimeout(wait)
                        .setValidateAfterInactivity(CHECK_AFTER_IDLE)
                        .build())
                .build();
    }

    /**
     * A client over {@code pool} that waits at most {@code timeout} for a connection from it and for the answer. It
     * does not retry by itself: the MCP client decides which calls may be repeated.
     */
    static CloseableHttpClient client(PoolingHttpClientConnectionManager pool, Duration timeout) {
        Timeout wait = Timeout.of(timeout);
        return HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(wait)
                        .setResponseTimeout(wait)
                        .build())
                .evictIdleConnections(CLOSE_AFTER_IDLE)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    static RestClient restClient(CloseableHttpClient client) {
        return RestClient.builder().requestFactory(new HttpComponentsClientHttpRequestFactory(client)).build();
    }
}
