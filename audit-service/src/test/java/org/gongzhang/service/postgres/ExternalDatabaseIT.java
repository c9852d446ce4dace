package org.gongzhang.service.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.gongzhang.service.GongzhangApplication;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With {@code spring.datasource.url} set (SPRING_DATASOURCE_URL), the service uses that server:
 * no embedded PostgreSQL starts, and Flyway builds every table there.
 */
class ExternalDatabaseIT {

    @TempDir
    Path keys;

    @Test
    void configuredServerIsUsedInsteadOfTheEmbeddedOne() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start();
                ConfigurableApplicationContext context = SpringApplication.run(GongzhangApplication.class,
                        "--server.port=0", "--ledger.demo.enabled=true",
                        "--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres", "--ledger.keystore.directory=" + keys,
                        "--ledger.keystore.iterations=" + ServiceIT.FAST_KEY_FILES)) {
            assertThat(context.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
            try (Connection connection = external.getPostgresDatabase().getConnection();
                    ResultSet books = connection.createStatement().executeQuery("select count(*) from book")) {
                books.next();
                assertThat(books.getInt(1)).isEqualTo(2);
            }
        }
    }
}
