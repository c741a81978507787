package com.aiassistants.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.aiassistants.common.config.ConnectionUrlEnvironmentPostProcessor;
import com.aiassistants.common.redis.RedisClients;
import com.aiassistants.common.testsupport.TestRedis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;

/** REDIS_USERNAME / REDIS_PASSWORD (an ElastiCache RBAC user from Secrets Manager) joined into REDIS_URL. */
class RedisCredentialsTest {

    @Test
    void credentialsAreAddedPercentEncodedOnlyWhenTheUrlHasNone() {
        assertThat(ConnectionUrlEnvironmentPostProcessor.withCredentials("rediss://cache.internal:6379", "backend-api", "p@ss:w/rd"))
                .isEqualTo("rediss://backend-api:p%40ss%3Aw%2Frd@cache.internal:6379");
        assertThat(ConnectionUrlEnvironmentPostProcessor.withCredentials("redis://h:6379/2", null, "secret"))
                .isEqualTo("redis://:secret@h:6379/2");
        assertThat(ConnectionUrlEnvironmentPostProcessor.withCredentials("redis://u:p@h:6379", "other", "x"))
                .isEqualTo("redis://u:p@h:6379");
        assertThat(ConnectionUrlEnvironmentPostProcessor.withCredentials("redis://h:6379", "u", " "))
                .isEqualTo("redis://h:6379");
    }

    @Test
    void anAclUserConnectsThroughTheJoinedUrlAndAWrongPasswordIsRefused() {
        String url = TestRedis.assumeAvailable();
        String user = "test-rbac-" + UUID.randomUUID();
        String password = "pw with spaces/and:colons@" + UUID.randomUUID();
        RedisClient admin = RedisClients.create(url);
        try (StatefulRedisConnection<String, String> adminConnection = admin.connect()) {
            adminConnection.sync().aclSetuser(user, io.lettuce.core.AclSetuserArgs.Builder.on()
                    .addPassword(password).keyPattern(user + ":*").addCommand(io.lettuce.core.protocol.CommandType.SET)
                    .addCommand(io.lettuce.core.protocol.CommandType.GET).addCommand(io.lettuce.core.protocol.CommandType.PING));
            RedisClient asUser = RedisClients.create(ConnectionUrlEnvironmentPostProcessor.withCredentials(url, user, password));
            try (StatefulRedisConnection<String, String> connection = asUser.connect()) {
                connection.sync().set(user + ":k", "v");
                assertThat(connection.sync().get(user + ":k")).isEqualTo("v");
                assertThatThrownBy(() -> connection.sync().set("elsewhere", "v")).hasMessageContaining("NOPERM");
            } finally {
                RedisClients.shutdown(asUser);
            }
            RedisClient wrong = RedisClients.create(ConnectionUrlEnvironmentPostProcessor.withCredentials(url, user, "wrong"));
            try {
                assertThatThrownBy(wrong::connect).isInstanceOf(RedisException.class);
            } finally {
                RedisClients.shutdown(wrong);
            }
        } finally {
            try (StatefulRedisConnection<String, String> cleanup = admin.connect()) {
                cleanup.sync().del(user + ":k");
                cleanup.sync().aclDeluser(user);
            }
            RedisClients.shutdown(admin);
        }
    }
}
