package io.parkpulse.infra;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * An open dead letter for the authorization matrix and the fuzz test of a service, written straight into its
 * {@code dead_lettered_event}: a well-formed event of a type no handler applies, on {@code parkpulse.assessments},
 * so re-processing it succeeds in every service and changes nothing but the dead letter itself. Making one
 * through the broker would cost a record, a consumer round trip and, for the rows a test consumes, one per call.
 */
public final class DeadLetterProbe {

    public static final String TYPE = "parkpulse.test.dead-letter-probe.v1";

    private DeadLetterProbe() {}

    /** The matrix's and fuzzer's path parameter of a dead letter: a fresh open one for each call that consumes one. */
    public static void params(Map<String, String> params, AuthorizationMatrix.Rule rule, DataSource dataSource) {
        if (rule.path().startsWith("/api/v1/operations/dead-letters/{id}")) {
            params.put("id", Long.toString(open(dataSource)));
        }
    }

    /** The discard's body, with the reason it needs. */
    public static void prepare(RequestSpecification request, AuthorizationMatrix.Rule rule) {
        if (rule.key().equals("POST /api/v1/operations/dead-letters/{id}/discard")) {
            request.contentType("application/json").body(Map.of("reason", "矩阵测试：探针记录，无需处理"));
        }
    }

    /** How many dead letters are open: what a refused re-processing or discard must leave as it is. */
    public static String state(String adminToken) {
        return "dead-letters:"
                + given().auth()
                        .oauth2(adminToken)
                        .queryParams("status", "OPEN", "size", 1)
                        .get("/api/v1/operations/dead-letters")
                        .then()
                        .extract()
                        .path("total");
    }

    /** Writes one and answers its id. */
    public static long open(DataSource dataSource) {
        String id = UUID.randomUUID().toString();
        String headers = "{\"ce_specversion\":\"1.0\",\"ce_id\":\"" + id + "\",\"ce_source\":\"/parkpulse/test\","
                + "\"ce_type\":\"" + TYPE + "\",\"ce_subject\":\"CITY\",\"ce_time\":\""
                + OffsetDateTime.now(ZoneOffset.UTC) + "\",\"content-type\":\"application/json\"}";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "insert into dead_lettered_event (event_id, event_type, topic, partition_no, record_offset,"
                                + " record_key, headers, payload, reason) values (?, ?, 'parkpulse.assessments', 0,"
                                + " -1, 'CITY', ?, '{}', 'MalformedEventException: a probe of the tests')"
                                + " returning id")) {
            s.setString(1, id);
            s.setString(2, TYPE);
            s.setString(3, headers);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write a dead letter for the test", e);
        }
    }
}
