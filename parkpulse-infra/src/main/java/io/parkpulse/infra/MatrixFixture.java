package io.parkpulse.infra;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every service's authorization-matrix test shares: the two parks the callers belong to, a counter for
 * unique names, and the test that walks {@code authorization-matrix.csv}. A service's test extends it, is
 * annotated {@code @QuarkusTest}, and supplies the parameters, bodies and state of its own endpoints.
 */
public abstract class MatrixFixture implements AuthorizationMatrix.Fixture {

    /** The park that "own" staff belong to and whose resources the paths name. */
    protected String parkA;

    /** The park that "other" staff belong to. */
    protected String parkB;

    protected final AtomicInteger counter = new AtomicInteger();

    /** A fixture with its parks and resources created; the fuzz test of the service starts from the same. */
    protected abstract AuthorizationMatrix.Fixture freshFixture();

    @Test
    void everyEndpointAnswersEveryCallerAsTheMatrixSays() throws Exception {
        AuthorizationMatrix.verify("authorization-matrix.csv", freshFixture());
    }

    @Override
    public String ownPark() {
        return parkA;
    }

    @Override
    public String otherPark() {
        return parkB;
    }
}
