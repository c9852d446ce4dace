package org.gongzhang.service.postgres;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL, used only when {@code spring.datasource.url} is not set.
 *
 * @param dataDirectory where the books live between runs (default {@code ~/.gongzhang/pgdata})
 * @param ephemeral     start from an empty directory and delete it at shutdown (tests)
 * @param port          TCP port on localhost; 0 picks a free one
 * @param template      a directory where the cluster {@code initdb} makes for a new data directory is
 *                      kept, and from which the next new data directory is copied instead of running
 *                      {@code initdb} ({@link ClusterTemplate}); unset (the default), {@code initdb}
 *                      makes every new data directory. Not used for an ephemeral one.
 */
@ConfigurationProperties("ledger.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDirectory, boolean ephemeral, int port, Path template) {

    public EmbeddedPostgresProperties {
        if (dataDirectory == null) {
            dataDirectory = Path.of(System.getProperty("user.home"), ".gongzhang", "pgdata");
        }
    }
}
