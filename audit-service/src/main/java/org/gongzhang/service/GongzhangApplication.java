package org.gongzhang.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The audit service: REST API over the signed books, on PostgreSQL (embedded unless configured). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GongzhangApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(GongzhangApplication.class, args);
    }
}
