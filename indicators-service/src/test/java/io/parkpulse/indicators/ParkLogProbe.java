package io.parkpulse.indicators;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * In the tests only: records the log context's park of a request that carries {@link #HEADER}, after
 * parkpulse-common's ParkLogContext has set it, as any line the request logs would carry it (ParkLogContextTest).
 */
public class ParkLogProbe {

    static final String HEADER = "X-Park-Log-Probe";
    static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public void record(ContainerRequestContext ctx) {
        String probe = ctx.getHeaderString(HEADER);
        if (probe != null) {
            SEEN.put(probe, String.valueOf(MDC.get("park")));
        }
    }
}
