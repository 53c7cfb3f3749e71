package io.parkpulse.common.metrics;

/**
 * A gauge whose value costs a database round trip. {@link MetricsSampler} refreshes it on its own thread, so a
 * scrape (which Prometheus repeats every few seconds, from every replica) only reads the kept value.
 */
public interface Sampled {

    /** Reads the current value and keeps it; must not throw (a failure is a value, such as NaN or not ready). */
    void sample();
}
