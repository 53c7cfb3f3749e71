package io.parkpulse.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Safety switches of token verification. */
@ConfigMapping(prefix = "parkpulse.security")
public interface SecuritySettings {

    /**
     * Whether a packaged service may start trusting the local-only key pair of deploy/local-keys (default false:
     * it refuses to start, so a production deployment cannot accept tokens anyone with the repository can sign).
     */
    @WithDefault("false")
    boolean acceptLocalKeys();
}
