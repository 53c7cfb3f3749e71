package io.parkpulse.common.repository;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Whether a failure means that the service's database cannot be reached right now — stopped, restarting,
 * the network gone, the pool unable to hand out a connection — rather than a bug or bad data. Two places
 * must tell the difference: an HTTP request answers 503 (try again) instead of 500 (a bug, with an id), and
 * the event consumer retries a record for as long as the outage lasts instead of dead-lettering a perfectly
 * good event after a few attempts. It lives with the repositories because it reads JDBC's SQL states.
 */
public final class DatabaseOutage {

    /** Agroal's message when no connection could be had within the acquisition timeout; it carries no SQL state. */
    static final String ACQUISITION_TIMEOUT = "Sorry, acquisition timeout!";

    /** True when the failure, or anything it was caused by or suppressed, is an unreachable database. */
    public static boolean causedBy(Throwable failure) {
        return search(failure, new IdentityHashMap<>());
    }

    private static boolean search(Throwable t, Map<Throwable, Boolean> seen) {
        // Hibernate, Narayana and Agroal wrap the driver's exception, sometimes as a suppressed one (a rollback
        // that failed after the commit did): look through both, once each.
        if (t == null || seen.put(t, Boolean.TRUE) != null || seen.size() > 50) {
            return false;
        }
        if (isOutage(t)) {
            return true;
        }
        if (search(t.getCause(), seen)) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (search(s, seen)) {
                return true;
            }
        }
        return t instanceof SQLException sql && search(sql.getNextException(), seen);
    }

    private static boolean isOutage(Throwable t) {
        if (t instanceof SQLTransientConnectionException) {
            return true;
        }
        if (!(t instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState();
        // Class 08: connection exceptions (refused, broken, closed). 57P01-57P03: the server is shutting down,
        // crashed, or is starting and not yet accepting connections.
        return (state != null
                        && (state.startsWith("08")
                                || state.equals("57P01")
                                || state.equals("57P02")
                                || state.equals("57P03")))
                || ACQUISITION_TIMEOUT.equals(sql.getMessage());
    }

    private DatabaseOutage() {}
}
