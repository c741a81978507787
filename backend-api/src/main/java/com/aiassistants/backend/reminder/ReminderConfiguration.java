package com.aiassistants.backend.reminder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

/** ShedLock over the {@code shedlock} table of backend-api's schema, with the database's clock (instances may drift). */
@Configuration(proxyBeanMethods = false)
class ReminderConfiguration {

    @Bean
    LockingTaskExecutor reminderLocks(JdbcTemplate jdbc) {
        return new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc).withTableName("shedlock").usingDbTime().build()));
    }
}
