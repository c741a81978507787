package com.aiassistants.common.mcp.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpTransportException;
import io.modelcontextprotocol.spec.McpTransportSessionNotFoundException;
import reactor.core.publisher.Mono;

/**
 * The client side of MCP's Streamable HTTP transport, making each exchange on the thread that sends the message with
 * a blocking HTTP client over kept-alive connections. The SDK's client session subscribes to {@link #sendMessage} on
 * the calling thread, so the request is written, its answer read and handed to the session there: a tool call from a
 * (virtual) request thread wakes no other thread. The SDK's own transport sends through the JDK's asynchronous client,
 * whose selector thread reads every answer and passes it on to another thread.
 *
 * <p>It does what the transport's specification asks of a client that sends requests: each message is POSTed with
 * {@code Accept: application/json, text/event-stream}; an answer comes as one JSON message or as a stream of
 * server-sent events, each {@code message} event a JSON-RPC message (events without data are skipped); {@code 202}
 * answers a notification; an {@code Mcp-Session-Id} the server gives on initialisation goes with every later request,
 * a {@code 404} to such a request means the session is gone, and closing the transport DELETEs it. It does not open
 * the optional GET stream for messages the server starts on its own: the services' servers are stateless and start
 * none.
 */
final class CallingThreadTransport implements McpClientTransport {

    private static final Logger log = LoggerFactory.getLogger(CallingThreadTransport.class);
    private static final String ACCEPT = MediaType.APPLICATION_JSON_VALUE + ", " + MediaType.TEXT_EVENT_STREAM_VALUE;
    private static final String SESSION_ID = io.modelcontextprotocol.spec.HttpHeaders.MCP_SESSION_ID;
    private static final String PROTOCOL_VERSION = io.modelcontextprotocol.spec.HttpHeaders.PROTOCOL_VERSION;
    /** The largest answer read, as the SDK's own transport allows. */
    static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

    private final RestClient http;
    private final URI endpoint;
    private final McpJsonMapper json;
    private final BiConsumer<HttpHeaders, McpTransportContext> callHeaders;
    private final String latestProtocolVersion;
    private volatile Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler;
    private volatile String sessionId;

    /**
     * @param callHeaders adds the headers of one call (credentials, tenant, tracing) from the context the SDK client
     *     was given for it
     */
    CallingThreadTransport(RestClient http, URI endpoint, McpJsonMapper json,
            BiConsumer<HttpHeaders, McpTransportContext> callHeaders) {
        this.http = http;
        this.endpoint = endpoint;
        this.json = json;
        this.callHeaders = callHeaders;
        this.latestProtocolVersion = protocolVersions().stream().max(Comparator.naturalOrder()).orElseThrow();
    }

    @Override
    public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        this.handler = handler;
        return Mono.empty();
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return Mono.deferContextual(context -> {
            post(message, context.getOrDefault(McpAsyncClient.NEGOTIATED_PROTOCOL_VERSION, latestProtocolVersion),
                    context.getOrDefault(McpTransportContext.KEY, McpTransportContext.EMPTY));
            return Mono.empty();
        });
    }

    private void post(McpSchema.JSONRPCMessage message, String protocolVersion, McpTransportContext context) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new McpTransportException("Could not write the message", e);
        }
        String session = sessionId;
        http.post().uri(endpoint)
                .headers(headers -> {
                    headers.set(HttpHeaders.ACCEPT, ACCEPT);
                    headers.setContentType(MediaType.APPLICATION_JSON);
                    headers.set(PROTOCOL_VERSION, protocolVersion);
                    if (session != null) {
                        headers.set(SESSION_ID, session);
                    }
                    callHeaders.accept(headers, context);
                })
                .body(body)
                .exchange((request, response) -> {
                    int status = response.getStatusCode().value();
                    if (status == 404 && session != null) {
                        sessionId = null;
                        throw new McpTransportSessionNotFoundException("Session not found: " + session);
                    }
                    if (status < 200 || status >= 300) {
                        throw new McpTransportException("HTTP " + status + " from " + endpoint + ": "
                                + snippet(response.getBody()));
                    }
                    String given = response.getHeaders().getFirst(SESSION_ID);
                    if (given != null && session == null) {
                        sessionId = given;
                    }
                    MediaType type = response.getHeaders().getContentType();
                    if (status == 202 || type == null) {
                        return null;
                    }
                    if (MediaType.TEXT_EVENT_STREAM.includes(type)) {
                        readEvents(response.getBody());
                    } else if (MediaType.APPLICATION_JSON.includes(type)) {
                        byte[] answer = readBounded(response.getBody(), response.getHeaders().getContentLength());
                        if (answer.length > 0) {
                            deliver(new String(answer, StandardCharsets.UTF_8));
                        }
                    } else {
                        throw new McpTransportException("Unexpected content type " + type + " from " + endpoint);
                    }
                    return null;
                });
    }

    /** Reads server-sent events until the server ends the stream, delivering each message event's data. */
    private void readEvents(InputStream body) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        StringBuilder data = new StringBuilder();
        String event = null;
        long read = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            read += line.length() + 1;
            if (read > MAX_ANSWER_BYTES) {
                throw new McpTransportException("Answer from " + endpoint + " exceeds " + MAX_ANSWER_BYTES + " bytes");
            }
            if (line.isEmpty()) {
                dispatch(event, data);
                data.setLength(0);
                event = null;
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(field(line, 5));
            } else if (line.startsWith("event:")) {
                event = field(line, 6);
            }
            // id:, retry: and comments only matter to a client that resumes streams
        }
        dispatch(event, data);
    }

    private static String field(String line, int nameLength) {
        return line.length() > nameLength && line.charAt(nameLength) == ' ' ? line.substring(nameLength + 1)
                : line.substring(nameLength);
    }

    private void dispatch(String event, StringBuilder data) throws IOException {
        if ((event == null || event.isEmpty() || "message".equals(event)) && !data.toString().isBlank()) {
            deliver(data.toString());
        }
    }

    private void deliver(String text) throws IOException {
        McpSchema.JSONRPCMessage message = McpSchema.deserializeJsonRpcMessage(json, text);
        Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> session = handler;
        if (session == null) {
            throw new IllegalStateException("connect was not called");
        }
        session.apply(Mono.just(message)).subscribe(ignored -> {
        }, error -> log.warn("The MCP session could not handle a message from {}: {}", endpoint, error.toString()));
    }

    /** The answer's body, read into an array of its declared length when it declares one. */
    private static byte[] readBounded(InputStream body, long declaredLength) throws IOException {
        if (declaredLength > MAX_ANSWER_BYTES) {
            throw new McpTransportException("Answer of " + declaredLength + " bytes exceeds " + MAX_ANSWER_BYTES);
        }
        if (declaredLength >= 0) {
            byte[] bytes = new byte[(int) declaredLength];
            int read = body.readNBytes(bytes, 0, bytes.length);
            if (read < bytes.length) {
                throw new McpTransportException("Answer ended after " + read + " of " + declaredLength + " bytes");
            }
            return bytes;
        }
        byte[] bytes = body.readNBytes(MAX_ANSWER_BYTES + 1);
        if (bytes.length > MAX_ANSWER_BYTES) {
            throw new McpTransportException("Answer exceeds " + MAX_ANSWER_BYTES + " bytes");
        }
        return bytes;
    }

    private static String snippet(InputStream body) throws IOException {
        return new String(body.readNBytes(300), StandardCharsets.UTF_8);
    }

    /** Ends the session on a stateful server; a stateless one has nothing to end. */
    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> {
            String session = sessionId;
            sessionId = null;
            if (session == null) {
                return;
            }
            try {
                http.delete().uri(endpoint)
                        .header(SESSION_ID, session)
                        .headers(headers -> callHeaders.accept(headers, McpTransportContext.EMPTY))
                        .retrieve().toBodilessEntity();
            } catch (RuntimeException e) {
                log.debug("Ending MCP session at {} failed: {}", endpoint, e.toString());
            }
        });
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return json.convertValue(data, typeRef);
    }
}
