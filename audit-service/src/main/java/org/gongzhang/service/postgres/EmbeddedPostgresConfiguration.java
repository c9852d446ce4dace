package org.gongzhang.service.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a durable PostgreSQL 17 in-process when no external database is configured
 * ({@code SPRING_DATASOURCE_URL} unset). zonky's test defaults are overridden: commits are
 * synchronous and fsync'd, the server listens on localhost only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** The server {@link EarlyPostgres} started while the context was built, else one started now. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties,
            ObjectProvider<EarlyPostgres.Start> early) throws IOException {
        EarlyPostgres.Start started = early.getIfAvailable();
        return started != null ? started.take() : start(properties);
    }

    /**
     * Starts the server on {@code properties}' data directory. A new data directory is copied from
     * the cluster template when one is configured and usable ({@link ClusterTemplate}), else
     * {@code initdb} makes it and, with a template configured, it is kept as the template before its
     * server first starts. Should the server not start on a copy, the template is discarded and the
     * directory made by {@code initdb} after all.
     */
    static EmbeddedPostgres start(EmbeddedPostgresProperties properties) throws IOException {
        Path directory = properties.ephemeral()
                ? Files.createTempDirectory("gongzhang-pg")
                : Files.createDirectories(properties.dataDirectory());
        log.info("Embedded PostgreSQL data directory: {}", directory);
        if (properties.ephemeral()) {
            return builder(properties, directory).start();
        }
        StalePostmaster.clear(directory);
        ClusterTemplate template = properties.template() == null ? null : new ClusterTemplate(properties.template());
        boolean fresh = !Files.exists(directory.resolve("postgresql.conf"));
        if (template != null && fresh && template.copyInto(directory)) {
            try {
                return builder(properties, directory).start();
            } catch (IOException | RuntimeException e) {
                log.warn("The embedded PostgreSQL did not start on a copy of the cluster template {} ({}); "
                        + "discarding the template and running initdb", template, e.toString());
                template.discard();
                ClusterTemplate.empty(directory);
            }
        }
        EmbeddedPostgres.Builder builder = builder(properties, directory);
        if (template != null && fresh) {
            // called after initdb made the cluster and before its server first starts
            builder.setDataDirectoryCustomizer(made -> template.keep(made.toPath()));
        }
        return builder.start();
    }

    private static EmbeddedPostgres.Builder builder(EmbeddedPostgresProperties properties, Path directory) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(properties.ephemeral())
                // a data directory that stays is stopped by this bean's close(), after every bean that
                // uses the database (the event processors included); zonky's own JVM hook stopped it at
                // the same time as Spring's, and a Ctrl-C logged the processors' failed reads as ERRORs.
                // A JVM that ends without closing the context leaves the server to StalePostmaster at
                // the next start; an ephemeral one (tests) keeps zonky's hook, as nothing starts after it
                .setRegisterShutdownHook(properties.ephemeral())
                .setPort(properties.port())
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC");
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres,
            @Value("${ledger.database.connect-timeout:PT2S}") Duration connectTimeout) {
        HikariConfig config = new HikariConfig();
        // while the database is away a request fails within this time (503) instead of Hikari's 30 s
        config.setConnectionTimeout(connectTimeout.toMillis());
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        // JDBC batches of inserts as multi-row inserts (application.properties says the same for an external database)
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setMaximumPoolSize(24);
        config.setPoolName("gongzhang-embedded");
        return new HikariDataSource(config);
    }
}
