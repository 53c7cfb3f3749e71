package io.parkpulse.investment;

import io.parkpulse.infra.MetricsScrape;
import io.parkpulse.infra.TokenChecks;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** No token, expired, not yet valid, wrong key, issuer or audience, alg none, a park-staff token without its park. */
@QuarkusTest
class TokenChecksTest {

    @Test
    void everyWrongTokenIsRefusedAndAValidOnePasses() {
        TokenChecks.verify("/api/v1/leads", "/api/v1/leads");
    }

    /** Here because it needs nothing but the running service, like the token checks. */
    @Test
    void metricsAreOpenAndTaggedByRouteTemplate() {
        MetricsScrape.verify("/api/v1/leads/{id}");
    }
}
