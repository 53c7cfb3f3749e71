package io.parkpulse.reporting;

import io.parkpulse.infra.MetricsScrape;
import io.parkpulse.infra.TokenChecks;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** No token, expired, not yet valid, wrong key, issuer or audience, alg none, a park-staff token without its park. */
@QuarkusTest
class TokenChecksTest {

    @Test
    void everyWrongTokenIsRefusedAndAValidOnePasses() {
        TokenChecks.verify("/api/v1/assessments", "/api/v1/assessments");
    }

    /** Here because it needs nothing but the running service, like the token checks. */
    @Test
    void metricsAreOpenAndTaggedByRouteTemplate() {
        MetricsScrape.verify(
                "/api/v1/assessment-schemes/{code}",
                "parkpulse_read_model_generation",
                "parkpulse_read_model_rebuilds_total",
                "parkpulse_read_model_last_rebuild_timestamp_seconds",
                "parkpulse_assessment_job_runs_total");
    }
}
