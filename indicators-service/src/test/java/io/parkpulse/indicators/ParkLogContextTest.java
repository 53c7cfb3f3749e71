package io.parkpulse.indicators;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A request's log lines name the park it concerns: the one in its path, else the park officer's own. */
@QuarkusTest
class ParkLogContextTest {

    @Test
    void theParkInThePathOrTheOfficersToken() {
        String path = probe(Tokens.token("bureau-admin", null), "/api/v1/parks/JB-LOGPATH/values/audit");
        assertEquals("JB-LOGPATH", path, "the path's park");
        String claim = probe(Tokens.token("park-staff", "JB-LOGCLAIM"), "/api/v1/indicators");
        assertEquals("JB-LOGCLAIM", claim, "the park officer's park, on a path without one");
        String none = probe(Tokens.token("bureau-admin", null), "/api/v1/indicators");
        assertEquals("null", none, "no park: neither in the path nor in the bureau's token");
    }

    private static String probe(String token, String path) {
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(token).header(ParkLogProbe.HEADER, id).get(path).andReturn();
        return ParkLogProbe.SEEN.get(id);
    }
}
