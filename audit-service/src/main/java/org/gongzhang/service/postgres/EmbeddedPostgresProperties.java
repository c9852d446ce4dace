package org.gongzhang.service.postgres;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL, used only when {@code spring.datasource.url} is not set.
 *
 * @param dataDirectory where the books live between runs (default {@code ~/.gongzhang/pgdata})
 * @param ephemeral     start from an empty directory and delete it at shutdown (tests)
 * @param port          TCP port on localhost; 0 picks a free one
 */
@ConfigurationProperties("ledger.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDirectory, boolean ephemeral, int port) {

    public EmbeddedPostgresProperties {
        if (dataDirectory == null) {
            dataDirectory = Path.of(System.getProperty("user.home"), ".gongzhang", "pgdata");
        }
    }
}
