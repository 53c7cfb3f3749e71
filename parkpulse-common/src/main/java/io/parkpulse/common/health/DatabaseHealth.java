package io.parkpulse.common.health;

import io.parkpulse.common.outbox.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the service's database answers within three seconds. Replaces Agroal's check, whose
 * answer names the data sources to anyone who can reach the port (see {@link MessagingHealth}).
 */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

    @Inject
    OutboxRepository outbox;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database").status(outbox.reachable()).build();
    }
}
