package org.gongzhang.service.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.demo.enabled}: load the demo books and people at start when the service holds no
 * book yet; {@code ledger.demo.password}: the password of every demo login. Never enable the demo
 * on a deployment that holds real books.
 */
@ConfigurationProperties("ledger.demo")
public record DemoProperties(boolean enabled, @DefaultValue("gongzhang-demo") String password) {
}
