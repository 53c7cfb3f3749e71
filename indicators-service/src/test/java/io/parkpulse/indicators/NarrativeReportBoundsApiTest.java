package io.parkpulse.indicators;

import static io.parkpulse.indicators.ParkAndValueApiTest.registerPark;
import static io.parkpulse.indicators.ParkAndValueApiTest.uniqueCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.indicators.service.NarrativeReportService;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The bounds that keep one upload from harming the service: a document of more than 2,000,000 bytes is refused and
 * nothing is kept, while one of that size still fits the console's multipart body under the body limit.
 */
@QuarkusTest
class NarrativeReportBoundsApiTest {

    static long reports(String token, String park) {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/parks/{p}/narrative-reports", park)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("total");
    }

    @Test
    void theDocumentLimitLeavesRoomForTheConsolesMultipartUnderTheBodyLimit() {
        String park = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", park);
        long bodyLimit = ConfigProvider.getConfig()
                .getOptionalValue("parkpulse.http.limits.max-body-bytes", Long.class)
                .orElse(2_097_152L);
        assertTrue(
                bodyLimit - NarrativeReportService.MAX_BYTES >= 64 * 1024,
                "a console upload of an accepted document, with its multipart framing, fits the body limit");
        byte[] over = new byte[NarrativeReportService.MAX_BYTES + 1];
        Arrays.fill(over, (byte) 'a');
        given().auth()
                .oauth2(staff)
                .contentType("text/plain")
                .body(over)
                .post("/api/v1/parks/{p}/narrative-reports", park)
                .then()
                .statusCode(422)
                .contentType(containsString("problem+json"))
                .body("code", equalTo("document_too_large"))
                .body("errors[0].field", equalTo("file"))
                .body("detail", containsString("不超过2MB"));
        given().auth()
                .oauth2(staff)
                .header("Accept-Language", "en")
                .contentType("text/plain")
                .body(over)
                .post("/api/v1/parks/{p}/narrative-reports", park)
                .then()
                .statusCode(422)
                .body("detail", containsString("at most 2 MB"));
        // At the limit the size passes (this text is then too long to read, a check of its own).
        given().auth()
                .oauth2(staff)
                .contentType("text/plain")
                .body(Arrays.copyOf(over, NarrativeReportService.MAX_BYTES))
                .post("/api/v1/parks/{p}/narrative-reports", park)
                .then()
                .statusCode(422)
                .body("code", equalTo("document_too_long"));
        assertEquals(0, reports(staff, park));
    }
}
