package io.parkpulse.common.repository;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * What counts as "the database is unreachable" (503, keep retrying the event) and what does not (500, a failing
 * event). FaultInjectionIT proves the end-to-end behaviour with a stopped server; this pins the shapes down.
 */
class DatabaseOutageTest {

    @Test
    void connectionFailuresAnywhereInTheChainAreAnOutage() {
        // The driver's "Connection refused" (08001) wrapped the way Hibernate and the transaction manager wrap it.
        Exception refused = new IllegalStateException(
                "could not commit",
                new RuntimeException("JDBC exception", new SQLException("Connection to localhost refused", "08001")));
        assertTrue(DatabaseOutage.causedBy(refused));
        assertTrue(DatabaseOutage.causedBy(new SQLException("terminating connection", "57P01")));
        assertTrue(DatabaseOutage.causedBy(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseOutage.causedBy(new SQLException(DatabaseOutage.ACQUISITION_TIMEOUT)));
        Exception suppressed = new RuntimeException("rollback failed");
        suppressed.addSuppressed(new SQLException("I/O error", "08006"));
        assertTrue(DatabaseOutage.causedBy(suppressed), "a suppressed connection failure counts");
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseOutage.causedBy(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseOutage.causedBy(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseOutage.causedBy(new SQLException("no state")));
        assertFalse(DatabaseOutage.causedBy(new IllegalArgumentException("bad payload")));
        assertFalse(DatabaseOutage.causedBy(null));
        Exception cycle = new RuntimeException("a");
        Exception other = new RuntimeException("b", cycle);
        cycle.initCause(other);
        assertFalse(DatabaseOutage.causedBy(cycle), "a cause cycle ends the search");
    }
}
