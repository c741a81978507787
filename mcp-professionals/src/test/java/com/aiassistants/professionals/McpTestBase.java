package com.aiassistants.professionals;


import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.testsupport.LocalMcpClient;
import com.aiassistants.common.testsupport.PostgresTestProperties;

/**
 * One Spring context for every test of the module (real PostgreSQL, random port, the demo clinic
 * loaded into tenant {@code demo}), an MCP client speaking Streamable HTTP to it, and a per-thread
 * SQL statement counter for the no-N+1 checks. Tests use fresh tenant ids so they never collide.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ai-assistants.mcp.server.service-token=" + McpTestBase.TOKEN,
        "ai-assistants.professionals.demo-tenant=demo"})
@Import(McpTestBase.StatementCounting.class)
public abstract class McpTestBase {

    static final String TOKEN = "test-service-token-0123456789";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestProperties.register(registry, "professionals");
    }

    @LocalServerPort
    int port;

    private LocalMcpClient mcp;

    private LocalMcpClient mcp() {
        if (mcp == null) {
            mcp = new LocalMcpClient("mcp-professionals", port, TOKEN);
        }
        return mcp;
    }

    protected McpToolClient client() {
        return mcp().client();
    }

    @AfterEach
    void closeClient() {
        if (mcp != null) {
            mcp.close();
            mcp = null;
        }
    }

    protected static String newTenant() {
        return LocalMcpClient.newTenant();
    }

    protected <T> T call(String tenant, String tool, Object arguments, Class<T> resultType) {
        return mcp().call(tenant, tool, arguments, resultType);
    }

    /** Calls the tool expecting a tool error with this code; returns it for more checks. */
    protected McpToolError callFails(String tenant, String tool, Object arguments, String expectedCode) {
        return mcp().callFails(tenant, tool, arguments, expectedCode);
    }

    /** Counts JDBC statements prepared on the current thread while {@link #countStatements} runs. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class StatementCounting {

        static final ThreadLocal<AtomicInteger> COUNTER = new ThreadLocal<>();
        private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)
                            ? new CountingDataSource(dataSource) : bean;
                }
            };
        }
    }

    protected static int countStatements(Runnable work) {
        AtomicInteger counter = new AtomicInteger();
        StatementCounting.COUNTER.set(counter);
        try {
            work.run();
        } finally {
            StatementCounting.COUNTER.remove();
        }
        return counter.get();
    }

    static final class CountingDataSource extends DelegatingDataSource {

        CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counting(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counting(super.getConnection(username, password));
        }

        private static Connection counting(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        AtomicInteger counter = StatementCounting.COUNTER.get();
                        if (counter != null && StatementCounting.STATEMENT_METHODS.contains(method.getName())) {
                            counter.incrementAndGet();
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
