package com.aiassistants.llm;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aiassistants.common.mcp.client.McpTarget;
import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.testsupport.PostgresTestProperties;
import com.aiassistants.llm.bedrock.FakeBedrock;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * One Spring context for every service-level test of mcp-llm: real PostgreSQL, the MCP endpoint on
 * a random port, and these providers: the built-in offline one (default), {@code fakeopenai} (an
 * OpenAI-compatible fake on WireMock, tenant {@code acme}), {@code fakeazure} (Azure OpenAI on the same
 * WireMock, tenant {@code azure-clinic}), {@code bedrockwire} (Bedrock Converse on the same WireMock, tenant
 * {@code bedrock-wire}) and {@code bedrock} (a Converse fake, tenant {@code bedrock-salon}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ai-assistants.mcp.server.service-token=" + LlmServiceTest.TOKEN,
        "ai-assistants.llm.providers.fakeopenai.type=openai",
        "ai-assistants.llm.providers.fakeopenai.api-key=" + LlmServiceTest.OPENAI_KEY,
        "ai-assistants.llm.providers.fakeopenai.model=gpt-test",
        "ai-assistants.llm.providers.fakeopenai.models=gpt-test-mini",
        "ai-assistants.llm.providers.fakeopenai.max-attempts=2",
        "ai-assistants.llm.providers.fakeopenai.initial-backoff=10ms",
        "ai-assistants.llm.providers.fakeopenai.max-backoff=50ms",
        "ai-assistants.llm.providers.fakeopenai.read-timeout=3s",
        "ai-assistants.llm.providers.bedrock.type=bedrock",
        "ai-assistants.llm.providers.bedrock.region=us-east-1",
        "ai-assistants.llm.providers.bedrock.model=anthropic.claude-3-haiku-20240307-v1:0",
        "ai-assistants.llm.providers.bedrock.access-key-id=AKIDEXAMPLE",
        "ai-assistants.llm.providers.bedrock.secret-access-key=" + LlmServiceTest.AWS_SECRET,
        "ai-assistants.llm.providers.fakeazure.type=azure-openai",
        "ai-assistants.llm.providers.fakeazure.api-key=" + LlmServiceTest.AZURE_KEY,
        "ai-assistants.llm.providers.fakeazure.model=clinic-gpt4o",
        "ai-assistants.llm.providers.fakeazure.max-attempts=2",
        "ai-assistants.llm.providers.fakeazure.initial-backoff=10ms",
        "ai-assistants.llm.providers.fakeazure.max-backoff=50ms",
        "ai-assistants.llm.providers.bedrockwire.type=bedrock",
        "ai-assistants.llm.providers.bedrockwire.region=us-east-1",
        "ai-assistants.llm.providers.bedrockwire.model=anthropic.claude-3-5-sonnet-20240620-v1:0",
        "ai-assistants.llm.providers.bedrockwire.access-key-id=AKIDEXAMPLE",
        "ai-assistants.llm.providers.bedrockwire.secret-access-key=" + LlmServiceTest.AWS_SECRET,
        "ai-assistants.llm.providers.bedrockwire.max-attempts=2",
        "ai-assistants.llm.providers.bedrockwire.initial-backoff=10ms",
        "ai-assistants.llm.providers.bedrockwire.max-backoff=50ms",
        "ai-assistants.llm.tenants.acme.provider=fakeopenai",
        "ai-assistants.llm.tenants.azure-clinic.provider=fakeazure",
        "ai-assistants.llm.tenants.bedrock-wire.provider=bedrockwire",
        "ai-assistants.llm.tenants.bedrock-salon.provider=bedrock"})
public abstract class LlmServiceTest {

    @LocalServerPort
    protected int port;

    /** An MCP client of this service, as backend-api's agent calls it; the provider fakes are reset first. */
    protected McpToolClient client;

    @BeforeEach
    void connectMcpClient() {
        OPENAI.resetAll();
        client = new McpToolClient("mcp-llm", new McpTarget(URI.create("http://localhost:" + port), TOKEN,
                Duration.ofSeconds(15), 0), "test", null);
    }

    @AfterEach
    void closeMcpClient() {
        client.close();
    }

    public static final String TOKEN = "test-service-token-0123456789";
    public static final String OPENAI_KEY = "sk-mcp-llm-test-key-9f8e7d";
    public static final String AZURE_KEY = "azure-test-key-0c1d2e3f";
    public static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    protected static final WireMockServer OPENAI = new WireMockServer(wireMockConfig().dynamicPort());
    protected static final FakeBedrock BEDROCK = new FakeBedrock();

    static {
        OPENAI.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PostgresTestProperties.register(registry, "llm");
        registry.add("ai-assistants.llm.providers.fakeopenai.base-url", () -> OPENAI.baseUrl() + "/v1");
        registry.add("ai-assistants.llm.providers.bedrock.endpoint-override", () -> BEDROCK.endpoint().toString());
        registry.add("ai-assistants.llm.providers.fakeazure.base-url", OPENAI::baseUrl);
        registry.add("ai-assistants.llm.providers.bedrockwire.endpoint-override", OPENAI::baseUrl);
    }
}
