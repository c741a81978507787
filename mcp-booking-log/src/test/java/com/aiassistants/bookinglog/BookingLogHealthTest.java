package com.aiassistants.bookinglog;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aiassistants.common.testsupport.ServiceChecks;

class BookingLogHealthTest extends McpTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void healthIsUpWithTheDatabaseAndMigrationsRanInTheOwnSchema() {
        ServiceChecks.assertHealthyWithMigrationsInOwnSchema(port, jdbc.getDataSource(), "booking_log");
    }

    @Test
    void echoesTheRequestId() {
        ServiceChecks.assertEchoesRequestId(port);
    }
}
