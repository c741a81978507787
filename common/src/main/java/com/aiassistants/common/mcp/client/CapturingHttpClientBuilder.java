package com.aiassistants.common.mcp.client;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.http.HttpClient;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The JDK's {@link HttpClient.Builder}, keeping the client it builds. The SDK's transport builds its HTTP client from
 * a builder it is given and never closes it; every client holds a selector thread until it is shut down (or, much
 * later, collected). {@link McpToolClient} shuts a session's client down when it closes the session.
 */
final class CapturingHttpClientBuilder {

    private final AtomicReference<HttpClient> built = new AtomicReference<>();
    private final HttpClient.Builder builder;

    CapturingHttpClientBuilder(HttpClient.Builder delegate) {
        // every builder method goes to the JDK's builder; the client that build() returns is kept
        this.builder = (HttpClient.Builder) Proxy.newProxyInstance(HttpClient.Builder.class.getClassLoader(),
                new Class<?>[] {HttpClient.Builder.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof HttpClient client) {
                        built.set(client);
                    }
                    return result == delegate ? proxy : result;
                });
    }

    /** The builder to hand to the transport. */
    HttpClient.Builder builder() {
        return builder;
    }

    /** The client built last, or null before the transport has built one. */
    HttpClient built() {
        return built.get();
    }
}
