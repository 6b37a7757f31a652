package com.agentnexus.execution.health;

import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    /**
     * Contributors that join the ready group only when they exist (the Docker check
     * exists only with a runner that may use Docker). Listing them under
     * {@code group.ready.include} would fail start-up whenever they are absent, because
     * Boot validates group membership; adding them here keeps that validation for
     * everything else.
     */
    static final String OPTIONAL_READY_MEMBER = "docker";

    @Bean
    HealthEndpointGroupsPostProcessor optionalReadyMembers() {
        return groups -> {
            Map<String, HealthEndpointGroup> named = new HashMap<>();
            for (String name : groups.getNames()) {
                HealthEndpointGroup group = groups.get(name);
                named.put(name, "ready".equals(name) ? new WithOptionalMember(group, OPTIONAL_READY_MEMBER) : group);
            }
            return HealthEndpointGroups.of(groups.getPrimary(), named);
        };
    }

    /** A group that also counts one more contributor as a member, should it exist. */
    private record WithOptionalMember(HealthEndpointGroup delegate, String member) implements HealthEndpointGroup {

        @Override
        public boolean isMember(String name) {
            return member.equals(name) || delegate.isMember(name);
        }

        @Override
        public boolean showComponents(SecurityContext securityContext) {
            return delegate.showComponents(securityContext);
        }

        @Override
        public boolean showDetails(SecurityContext securityContext) {
            return delegate.showDetails(securityContext);
        }

        @Override
        public StatusAggregator getStatusAggregator() {
            return delegate.getStatusAggregator();
        }

        @Override
        public HttpCodeStatusMapper getHttpCodeStatusMapper() {
            return delegate.getHttpCodeStatusMapper();
        }

        @Override
        public @Nullable AdditionalHealthEndpointPath getAdditionalPath() {
            return delegate.getAdditionalPath();
        }
    }

}
