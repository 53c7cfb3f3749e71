package io.parkpulse.common.config;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** Which web pages of other origins may call the API from a browser. */
@ConfigMapping(prefix = "parkpulse.http.cors")
public interface CorsSettings {

    /** Allowed origins, comma-separated, e.g. {@code https://console.example.gov.cn} (default none). */
    Optional<List<String>> origins();
}
