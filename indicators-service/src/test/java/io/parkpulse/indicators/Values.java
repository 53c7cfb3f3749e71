package io.parkpulse.indicators;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Reporting one value over the API, as the tests of this module do again and again. */
final class Values {

    static ValidatableResponse put(String token, String park, String period, String indicator, String value) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"value\": " + value + "}")
                .put("/api/v1/parks/{p}/values/{m}/{i}", park, period, indicator)
                .then();
    }

    private Values() {}
}
