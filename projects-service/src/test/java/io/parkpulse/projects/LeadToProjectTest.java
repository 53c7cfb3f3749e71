package io.parkpulse.projects;

import static io.parkpulse.projects.Projects.ADMIN;
import static io.parkpulse.projects.Projects.bootstrap;
import static io.parkpulse.projects.Projects.knownPark;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.LeadState;
import io.parkpulse.infra.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A landed lead on parkpulse.investment becomes one project, however often its landing arrives. */
@QuarkusTest
class LeadToProjectTest {

    static LeadState lead(UUID id, String park, String name, String stage, boolean landSupplied, long version) {
        return new LeadState(
                id,
                park,
                name,
                "深圳新能科技股份有限公司",
                "新能源",
                "OUTSIDE_PROVINCE",
                stage,
                new BigDecimal("150000"),
                new BigDecimal("120000.5"),
                LocalDate.parse("2025-03-18"),
                LocalDate.parse("2025-06-02"),
                landSupplied,
                LocalDate.parse("2025-06-02"),
                version);
    }

    @Test
    void aLandedLeadBecomesExactlyOneLinkedProjectEvenWhenTheEventIsRepeated() {
        String park = knownPark();
        UUID leadId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String name = "储能电池项目" + leadId.toString().substring(0, 6);
        // Signed is not landed: nothing happens.
        TestEvents.publish(
                bootstrap(),
                Topics.INVESTMENT,
                park,
                EventTypes.LEAD_STAGE_CHANGED,
                lead(leadId, park, name, "SIGNED", false, 2),
                null);
        // The landing, the same event delivered twice, and a second landing event for the same lead (a new id).
        TestEvents.publish(
                bootstrap(),
                Topics.INVESTMENT,
                park,
                EventTypes.LEAD_STAGE_CHANGED,
                lead(leadId, park, name, "LANDED", true, 3),
                eventId);
        TestEvents.publish(
                bootstrap(),
                Topics.INVESTMENT,
                park,
                EventTypes.LEAD_STAGE_CHANGED,
                lead(leadId, park, name, "LANDED", true, 3),
                eventId);
        TestEvents.publish(
                bootstrap(),
                Topics.INVESTMENT,
                park,
                EventTypes.LEAD_STAGE_CHANGED,
                lead(leadId, park, name, "LANDED", true, 4),
                null);
        // A later lead of the same park (same key, same partition): once its project exists, the ones before were
        // handled.
        UUID sentinel = UUID.randomUUID();
        TestEvents.publish(
                bootstrap(),
                Topics.INVESTMENT,
                park,
                EventTypes.LEAD_STAGE_CHANGED,
                lead(sentinel, park, "哨兵项目", "LANDED", false, 1),
                null);
        TestEvents.await(
                "the sentinel lead's project",
                Duration.ofSeconds(30),
                () -> given().auth()
                                .oauth2(ADMIN)
                                .queryParams("park", park, "q", "哨兵项目")
                                .get("/api/v1/projects")
                                .then()
                                .extract()
                                .<Integer>path("total")
                        == 1);

        given().auth()
                .oauth2(ADMIN)
                .queryParams("park", park, "q", name)
                .get("/api/v1/projects")
                .then()
                .body("total", equalTo(1))
                .body("items[0].leadId", equalTo(leadId.toString()))
                .body("items[0].stage", equalTo("LAND_SUPPLIED"))
                .body("items[0].signedOn", equalTo("2025-03-18"))
                .body("items[0].stageSince", equalTo("2025-06-02"))
                .body("items[0].enterprise", equalTo("深圳新能科技股份有限公司"))
                .body("items[0].totalInvestment", equalTo(120000.5f))
                .body("items[0].createdBy", equalTo("investment-service"));
        given().auth()
                .oauth2(ADMIN)
                .queryParams("park", park, "q", "哨兵项目")
                .get("/api/v1/projects")
                .then()
                .body("items[0].stage", equalTo("SIGNED"));
    }
}
