package com.aiassistants.bookinglog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BookingLogApplication {

    public static void main(String[] args) {
        SpringApplication.run(BookingLogApplication.class, args);
    }
}
