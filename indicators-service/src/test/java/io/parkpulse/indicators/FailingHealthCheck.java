package io.parkpulse.indicators;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * A check that fails the way a driver does, naming its server, in a health group of its own so that no other
 * test's readiness depends on it (HealthDetailsTest).
 */
@HealthGroup(FailingHealthCheck.GROUP)
@ApplicationScoped
public class FailingHealthCheck implements HealthCheck {

    static final String GROUP = "test-failing";

    @Override
    public HealthCheckResponse call() {
        throw new IllegalStateException(
                "Connection to jdbc:postgresql://db.internal.example:5432/indicators refused (bootstrap kafka:9092)");
    }
}
