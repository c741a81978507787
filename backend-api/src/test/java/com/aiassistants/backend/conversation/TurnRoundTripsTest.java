package com.aiassistants.backend.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import com.aiassistants.backend.BackendTestBase;

/**
 * The round trips to PostgreSQL of a turn, counted at the JDBC driver's interface on the thread that runs the turn
 * (statements executed and commits): a WhatsApp message (it always has a message id) is claimed and stored in one
 * statement committed on its own, and answered under the conversation's lock with one read and one write before the
 * commit; a repeat of its id gets the stored reply, interactive part included.
 */
@Import(TurnRoundTripsTest.Counting.class)
class TurnRoundTripsTest extends BackendTestBase {

    @Autowired
    TurnService turns;

    @Test
    void aMessageWithAnIdIsStoredInOneStatementAndAnsweredWithOneReadAndOneWrite() {
        TestProject project = newProject();
        turns.handle(message(project, "hola", "wamid.first"));

        Counted<TurnResult> answered = Counting.during(() -> turns.handle(message(project, "menu", "wamid.second")));

        assertThat(answered.value().text()).isEqualTo("Elegí una opción");
        assertThat(answered.value().duplicate()).isFalse();
        // store the message; then lock, read the context, record the turn (reply, state and the kept reply)
        assertThat(answered.statements()).isEqualTo(4);
        assertThat(answered.commits()).isEqualTo(1);

        Counted<TurnResult> repeated = Counting.during(() -> turns.handle(message(project, "menu", "wamid.second")));

        assertThat(repeated.value().duplicate()).isTrue();
        assertThat(repeated.value().text()).isEqualTo("Elegí una opción");
        assertThat(repeated.value().interactive().options()).hasSize(4);
        // the claim finds the id taken and stores nothing; then lock and read the stored reply
        assertThat(repeated.statements()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from message where project_id = ? and message_id = 'wamid.second'")
                .param(project.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aMessageWithoutAnIdTakesOneStatementLessThanTheTurnsTransaction() {
        TestProject project = newProject();
        turns.handle(message(project, "hola", null));

        Counted<TurnResult> answered = Counting.during(() -> turns.handle(message(project, "otra vez", null)));

        assertThat(answered.value().text()).isEqualTo("echo 2: otra vez");
        assertThat(answered.statements()).isEqualTo(4);
        assertThat(answered.commits()).isEqualTo(1);
    }

    private static InboundMessage message(TestProject project, String text, String messageId) {
        return new InboundMessage(project.id(), "wa-round-trips", "whatsapp", "+5491155550101", "Ana", text, null,
                messageId);
    }

    record Counted<T>(T value, int statements, int commits) {
    }

    /** Wraps the context's DataSource so that statements and commits of a thread can be counted. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Counting {

        private static final ThreadLocal<int[]> COUNTS = new ThreadLocal<>();

        static <T> Counted<T> during(Supplier<T> work) {
            int[] counts = new int[2];
            COUNTS.set(counts);
            try {
                T value = work.get();
                return new Counted<>(value, counts[0], counts[1]);
            } finally {
                COUNTS.remove();
            }
        }

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
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
                return counted(super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return counted(super.getConnection(username, password));
            }

            private static Connection counted(Connection connection) {
                return (Connection) Proxy.newProxyInstance(Counting.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().equals("commit")) {
                                count(1);
                            }
                            Object result = invoke(connection, method, args);
                            if (result instanceof Statement statement) {
                                return countedStatement(statement, method.getReturnType());
                            }
                            return result;
                        });
            }

            private static Object countedStatement(Statement statement, Class<?> type) {
                return Proxy.newProxyInstance(Counting.class.getClassLoader(), new Class<?>[] {type},
                        (proxy, method, args) -> {
                            if (method.getName().startsWith("execute")) {
                                count(0);
                            }
                            return invoke(statement, method, args);
                        });
            }

            private static void count(int which) {
                int[] counts = COUNTS.get();
                if (counts != null) {
                    counts[which]++;
                }
            }

            private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
                    throws Throwable {
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
    }
}
