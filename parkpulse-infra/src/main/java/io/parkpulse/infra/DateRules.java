package io.parkpulse.infra;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/**
 * What every service's DateRulesTest sends and expects: values outside the platform's calendar (2000 to
 * next year, docs/security.md) and the 400 problem naming the field.
 */
public final class DateRules {

    /** Next year in the city's time zone, as the services judge it (CityTime, which this module cannot see). */
    public static final int NEXT_YEAR =
            LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 1;

    public static final List<String> BAD_DAYS =
            List.of("0001-01-01", "1999-12-31", "3000-01-01", (NEXT_YEAR + 1) + "-01-01");
    public static final List<String> BAD_PERIODS =
            List.of("0000-Q1", "0000-01", "1999-12", "3000-01", (NEXT_YEAR + 1) + "-01");

    /** Sends the request as {@code token} with a JSON body and expects 400 problem+json naming {@code field}. */
    public static ValidatableResponse refused(
            String token, Function<RequestSpecification, Response> send, String field) {
        return send.apply(given().auth().oauth2(token).contentType(ContentType.JSON))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }

    private DateRules() {}
}
