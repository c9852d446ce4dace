package org.gongzhang.service;

import org.gongzhang.verifier.crypto.Bc;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The audit service: REST API over the signed books, on PostgreSQL (embedded unless configured). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GongzhangApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        // Bouncy Castle's provider takes a few tenths of a second to build on a cold JVM; built on a
        // thread of its own, it is ready when the key store asks for it instead of on the start's path
        Thread crypto = new Thread(Bc::provider, "crypto-warm-up");
        crypto.setDaemon(true);
        crypto.start();
        SpringApplication.run(GongzhangApplication.class, args);
    }
}
