package org.impactledger.api.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ledger.demo.enabled}: seed the demo scenario at start-up (also on with the {@code demo} profile). */
@ConfigurationProperties("ledger.demo")
public record DemoProperties(boolean enabled) {
}
