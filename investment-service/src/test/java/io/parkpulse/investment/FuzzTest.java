package io.parkpulse.investment;

import io.parkpulse.infra.ApiFuzzer;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Hostile variants of every operation of the OpenAPI document, sent as every caller of the matrix,
 * starting from the matrix's own fixture (see {@link ApiFuzzer}).
 */
@QuarkusTest
class FuzzTest {

    @Test
    void hostileInputIsRefusedCleanlyAndChangesNothing() {
        ApiFuzzer.run("investment-service", AuthorizationMatrixTest.fixture());
    }
}
