package com.aiassistants.common.mcp.client;

import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The JDK's {@link HttpClient.Builder}, keeping the client it builds. The SDK's transport builds its HTTP client from
 * a builder it is given and never closes it; every client holds a selector thread until it is shut down (or, much
 * later, collected). {@link McpToolClient} shuts a session's client down when it closes the session.
 */
final class CapturingHttpClientBuilder implements HttpClient.Builder {

    private final HttpClient.Builder builder;
    private volatile HttpClient built;

    CapturingHttpClientBuilder(HttpClient.Builder builder) {
        this.builder = builder;
    }

    /** The client built last, or null before {@link #build()}. */
    HttpClient built() {
        return built;
    }

    @Override
    public HttpClient build() {
        HttpClient client = builder.build();
        built = client;
        return client;
    }

    @Override
    public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
        builder.cookieHandler(cookieHandler);
        return this;
    }

    @Override
    public HttpClient.Builder connectTimeout(Duration duration) {
        builder.connectTimeout(duration);
        return this;
    }

    @Override
    public HttpClient.Builder sslContext(SSLContext sslContext) {
        builder.sslContext(sslContext);
        return this;
    }

    @Override
    public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
        builder.sslParameters(sslParameters);
        return this;
    }

    @Override
    public HttpClient.Builder executor(Executor executor) {
        builder.executor(executor);
        return this;
    }

    @Override
    public HttpClient.Builder followRedirects(HttpClient.Redirect policy) {
        builder.followRedirects(policy);
        return this;
    }

    @Override
    public HttpClient.Builder version(HttpClient.Version version) {
        builder.version(version);
        return this;
    }

    @Override
    public HttpClient.Builder priority(int priority) {
        builder.priority(priority);
        return this;
    }

    @Override
    public HttpClient.Builder proxy(ProxySelector proxySelector) {
        builder.proxy(proxySelector);
        return this;
    }

    @Override
    public HttpClient.Builder authenticator(Authenticator authenticator) {
        builder.authenticator(authenticator);
        return this;
    }

    @Override
    public HttpClient.Builder localAddress(InetAddress localAddress) {
        builder.localAddress(localAddress);
        return this;
    }
}
