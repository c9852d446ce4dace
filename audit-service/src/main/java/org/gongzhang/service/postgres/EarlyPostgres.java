package org.gongzhang.service.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the context's settings are
 * known, while Spring builds the web server and the beans that need no database: a first start
 * spends about a second in {@code initdb} and another in the migrations of an empty database, and
 * both now overlap the two to three seconds the context takes to get there.
 *
 * <p>{@link EmbeddedPostgresConfiguration} takes the started server ({@link Start#take}) when the
 * data source needs it, and meets a failed start there, as it would have met it starting the server
 * itself. On a data directory that holds a database already only the server is started early: its
 * migrations stay with Spring's Flyway, after {@code KeysOutOfTheDatabase} has moved what an older
 * schema holds. A context that fails before taking the server stops it ({@link Start#destroy}).
 * Off with {@code ledger.embedded-postgres.early=false}, or when {@code spring.datasource.url} names
 * an external database.
 */
public final class EarlyPostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(EarlyPostgres.class);

    static final String BEAN = "earlyEmbeddedPostgres";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Environment environment = context.getEnvironment();
        if (!environment.getProperty("spring.datasource.url", "").isEmpty()
                || !environment.getProperty("ledger.embedded-postgres.early", Boolean.class, true)
                || context.getBeanFactory().containsSingleton(BEAN)) {
            return;
        }
        EmbeddedPostgresProperties properties = Binder.get(environment)
                .bindOrCreate("ledger.embedded-postgres", EmbeddedPostgresProperties.class);
        boolean migrate = environment.getProperty("spring.flyway.enabled", Boolean.class, true);
        String[] locations = environment.getProperty("spring.flyway.locations", String[].class,
                new String[] {"classpath:db/migration"});
        ClassLoader classes = context.getClassLoader();
        Start start = new Start(CompletableFuture.supplyAsync(() -> {
            boolean fresh = properties.ephemeral()
                    || !Files.exists(properties.dataDirectory().resolve("PG_VERSION"));
            EmbeddedPostgres postgres;
            try {
                postgres = EmbeddedPostgresConfiguration.start(properties);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (fresh && migrate) {
                migrateEmpty(postgres, locations, classes);
            }
            return postgres;
        }, runnable -> {
            Thread thread = new Thread(runnable, "embedded-postgres-start");
            thread.setDaemon(true);
            thread.start();
        }));
        context.getBeanFactory().registerSingleton(BEAN, start);
        ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean(BEAN, start);
    }

    /**
     * The migrations of a database {@code initdb} has just made, as Spring's Flyway would run them
     * (which then finds nothing left to do); a failure stops the server and fails the start.
     */
    private static void migrateEmpty(EmbeddedPostgres postgres, String[] locations, ClassLoader classes) {
        try {
            Flyway.configure(classes).dataSource(postgres.getPostgresDatabase()).locations(locations).load().migrate();
        } catch (RuntimeException e) {
            close(postgres);
            throw e;
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Could not stop the embedded PostgreSQL started early: {}", e.toString());
        }
    }

    /** The server being started; handed to the context's {@link EmbeddedPostgres} bean once. */
    static final class Start implements DisposableBean {

        private final CompletableFuture<EmbeddedPostgres> started;
        private boolean taken;

        Start(CompletableFuture<EmbeddedPostgres> started) {
            this.started = started;
        }

        /** The started server, once it is up; its start's failure, as the start threw it. */
        synchronized EmbeddedPostgres take() throws IOException {
            if (taken) {
                throw new IllegalStateException("the embedded PostgreSQL started early was taken already");
            }
            taken = true;
            try {
                return started.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }

        /** Stops a server nobody took (the context failed before its data source, or never needed it). */
        @Override
        public void destroy() {
            synchronized (this) {
                if (taken) {
                    return;
                }
                taken = true;
            }
            try {
                close(started.join());
            } catch (CompletionException failed) {
                // nothing was left running
            }
        }
    }
}
