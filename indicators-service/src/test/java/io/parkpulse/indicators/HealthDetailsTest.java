package io.parkpulse.indicators;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.parkpulse.infra.HttpHardening;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * A DOWN health answer shows no more than an UP one: a check that throws is DOWN by name, without the
 * exception's class or message, which would otherwise reach anyone who can call the port. (HostileInputTest
 * checks every health address of each service while it is UP.)
 */
@QuarkusTest
class HealthDetailsTest {

    @Test
    void aCheckThatThrowsIsDownWithoutItsErrorText() {
        Response r = given().get("/q/health/group/" + FailingHealthCheck.GROUP).andReturn();
        assertEquals(503, r.statusCode(), r.asString());
        assertEquals("DOWN", r.jsonPath().getString("checks[0].status"), r.asString());
        assertNull(HttpHardening.healthLeak(r.statusCode(), r.asString()), r.asString());
    }

    @Test
    void theChecker() {
        // Without this the test above could pass on a checker that sees nothing.
        String leaky = "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"x\",\"status\":\"DOWN\","
                + "\"data\":{\"exceptionMessage\":\"refused\"}}]}";
        assertEquals("shows details to an anonymous caller", HttpHardening.healthLeak(503, leaky));
        assertEquals(
                "shows 'jdbc:' to an anonymous caller",
                HttpHardening.healthLeak(
                        503, "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"jdbc:x\",\"status\":\"DOWN\"}]}"));
        assertNull(HttpHardening.healthLeak(
                200, "{\"status\":\"UP\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\"}]}"));
    }
}
