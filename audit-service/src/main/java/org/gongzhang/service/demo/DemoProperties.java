package org.gongzhang.service.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ledger.demo.enabled}: load the demo books at start when the service holds no book yet. */
@ConfigurationProperties("ledger.demo")
public record DemoProperties(boolean enabled) {
}
