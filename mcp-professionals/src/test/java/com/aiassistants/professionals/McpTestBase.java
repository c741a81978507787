package com.aiassistants.professionals;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aiassistants.common.testsupport.McpClientTests;
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
public abstract class McpTestBase extends McpClientTests {

    static final String TOKEN = "test-service-token-0123456789";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestProperties.register(registry, "professionals");
    }

    @LocalServerPort
    int port;

    protected McpTestBase() {
        super("mcp-professionals", TOKEN);
    }

    @Override
    protected int mcpPort() {
        return port;
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
