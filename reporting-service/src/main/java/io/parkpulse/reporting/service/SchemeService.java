package io.parkpulse.reporting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkpulse.common.error.ProblemException;
import io.parkpulse.reporting.domain.Refusal;
import io.parkpulse.reporting.domain.Scheme;
import io.parkpulse.reporting.repository.SchemeRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;

/** Assessment schemes as versioned data: a change is a new version, a version never changes. */
@ApplicationScoped
public class SchemeService {

    public static final String DEFAULT = "default";

    @Inject
    SchemeRepository schemes;

    @Inject
    ObjectMapper json;

    @Inject
    FigureValues figures;

    public record Stored(String code, int version, Scheme scheme, OffsetDateTime createdAt, String createdBy) {}

    /** Ships the default scheme (src/main/resources/schemes/default.json) as version 1 on first start. */
    @Transactional
    void seed(@Observes StartupEvent start) {
        try (InputStream in = getClass().getResourceAsStream("/schemes/default.json")) {
            Scheme scheme = json.readValue(in, Scheme.class);
            List<Refusal> errors = scheme.check(figures::knownIndicator);
            if (!errors.isEmpty()) {
                throw new IllegalStateException("the shipped default scheme does not add up: " + errors);
            }
            schemes.insertShipped(DEFAULT, scheme.name(), json.writeValueAsString(scheme));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional
    public Stored create(String code, Scheme scheme, String user) {
        if (code == null || !code.matches("[a-z][a-z0-9-]{1,63}")) {
            throw ProblemException.badRequest(
                    "code",
                    "invalid_code",
                    "方案编码为2至64位小写字母、数字或“-”，以字母开头",
                    "2 to 64 lower-case letters, digits or '-', starting with a letter");
        }
        List<Refusal> errors = scheme.check(figures::knownIndicator);
        if (!errors.isEmpty()) {
            int more = errors.size() - 1;
            throw Refusal.all(
                    422,
                    "invalid_scheme",
                    "考核方案未通过校验：" + errors.get(0).chinese() + (more > 0 ? "（另有" + more + "处问题）" : ""),
                    "the scheme does not add up: " + errors.get(0).english()
                            + (more > 0 ? " (and " + more + " more)" : ""),
                    errors);
        }
        try {
            return get(code, schemes.insertNextVersion(code, scheme.name(), json.writeValueAsString(scheme), user));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Stored latest(String code) {
        return get(
                code,
                schemes.latestVersion(code)
                        .orElseThrow(() -> ProblemException.notFound("考核方案", "assessment scheme", code)));
    }

    public Stored get(String code, int version) {
        return schemes.find(code, version)
                .map(this::stored)
                .orElseThrow(() -> new ProblemException(
                        404,
                        "not_found",
                        "考核方案“" + code + "”没有第" + version + "版",
                        "assessment scheme '" + code + "' has no version " + version,
                        List.of(),
                        null));
    }

    public List<Stored> all() {
        return schemes.all().stream().map(this::stored).toList();
    }

    private Stored stored(SchemeRepository.SchemeRow r) {
        return new Stored(r.code(), r.version(), read(r.definition()), r.createdAt(), r.createdBy());
    }

    private Scheme read(String definition) {
        try {
            return json.readValue(definition, Scheme.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored scheme no longer reads", e);
        }
    }

    static OffsetDateTime toOffset(Object o) {
        return SchemeRepository.toOffset(o);
    }
}
