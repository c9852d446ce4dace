package org.gongzhang.service.report;

import org.gongzhang.reporting.ReportingConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Brings in the reporting module: its projection on the {@code reporting} tracking processor, and its queries. */
@Configuration(proxyBeanMethods = false)
@Import(ReportingConfiguration.class)
class ReportConfiguration {
}
