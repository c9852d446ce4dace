package org.gongzhang.service.exchange;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.exchange.read-model-wait}: how long an import waits for the reporting read model
 * to reach the book's head before it checks the file against it (default 10 s); past that, the
 * import is refused and may be sent again.
 */
@ConfigurationProperties("ledger.exchange")
public record ExchangeProperties(Duration readModelWait) {

    public ExchangeProperties {
        if (readModelWait == null) {
            readModelWait = Duration.ofSeconds(10);
        }
    }
}
