package org.gongzhang.service.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongzhang.service.GongzhangApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole service started by a test on directories it keeps (its embedded PostgreSQL data and
 * its key store), so that it can be stopped, changed behind its back and started again on them.
 */
public final class StandaloneService {

    private StandaloneService() {
    }

    /** Starts the service, the demo loaded, on {@code data} and {@code keys}; more arguments as {@code --name=value}. */
    public static ConfigurableApplicationContext start(Path data, Path keys, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--ledger.embedded-postgres.data-directory=" + data, "--ledger.demo.enabled=true",
                "--ledger.keystore.directory=" + keys, "--ledger.keystore.iterations=" + ServiceIT.FAST_KEY_FILES));
        args.addAll(List.of(more));
        return SpringApplication.run(GongzhangApplication.class, args.toArray(String[]::new));
    }

    public static LedgerClient client(ConfigurableApplicationContext context) {
        return new LedgerClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }
}
