package com.aiassistants.professionals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ProfessionalsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProfessionalsApplication.class, args);
    }
}
