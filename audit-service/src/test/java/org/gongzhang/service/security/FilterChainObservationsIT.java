package org.gongzhang.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The service exposes no metrics, so no request goes through Spring Security's observing decorator:
 * the filter chain calls its filters as they are.
 */
class FilterChainObservationsIT extends ServiceIT {

    @Autowired
    @Qualifier("springSecurityFilterChain")
    private jakarta.servlet.Filter securityFilterChain;

    @Test
    void theSecurityFiltersAreNotWrappedInObservations() {
        assertThat(securityFilterChain).isInstanceOf(FilterChainProxy.class);
        // Spring Security's bean is a composite around the proxy that runs the chains; both decorate
        FilterChainProxy proxy = (FilterChainProxy) securityFilterChain;
        Object inner = ReflectionUtils.findField(proxy.getClass(), "springSecurityFilterChain") == null ? null
                : ReflectionTestUtils.getField(proxy, "springSecurityFilterChain");
        for (Object chain : inner == null ? List.of(proxy) : List.of(proxy, inner)) {
            assertThat(ReflectionTestUtils.getField(chain, FilterChainProxy.class, "filterChainDecorator"))
                    .isNotNull().isNotInstanceOf(ObservationFilterChainDecorator.class);
        }
    }
}
