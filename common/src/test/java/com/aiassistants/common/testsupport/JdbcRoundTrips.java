package com.aiassistants.common.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * What a piece of work sends to PostgreSQL through the context's {@link DataSource}, counted at the JDBC interface on
 * the current thread: statements prepared or created (a {@code JdbcTemplate} prepares one per execution) and commits,
 * each a round trip. {@code @Import} this into a test's context; count with {@link #during}. Work on other threads
 * (pollers, other requests) is not counted.
 */
@TestConfiguration(proxyBeanMethods = false)
public class JdbcRoundTrips {

    /** What {@link #during} counted, with the work's result. */
    public record Counted<T>(T value, int statements, int commits) {
    }

    private static final ThreadLocal<int[]> COUNTS = new ThreadLocal<>();
    private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");

    public static <T> Counted<T> during(Supplier<T> work) {
        int[] counts = new int[2];
        COUNTS.set(counts);
        try {
            T value = work.get();
            return new Counted<>(value, counts[0], counts[1]);
        } finally {
            COUNTS.remove();
        }
    }

    public static Counted<Void> during(Runnable work) {
        return during(() -> {
            work.run();
            return null;
        });
    }

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
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        int[] counts = COUNTS.get();
                        if (counts != null) {
                            if (STATEMENT_METHODS.contains(method.getName())) {
                                counts[0]++;
                            } else if (method.getName().equals("commit")) {
                                counts[1]++;
                            }
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
