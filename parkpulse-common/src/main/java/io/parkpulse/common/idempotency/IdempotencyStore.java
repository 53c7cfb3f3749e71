package io.parkpulse.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkpulse.common.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code Idempotency-Key}: the first answer to a request is stored with a hash of the request in the
 * same transaction as its effect; a repeat with the same key and the same request gets that answer
 * again without doing anything, a repeat with another request is refused (422).
 */
@ApplicationScoped
public class IdempotencyStore {

    public static final String HEADER = "Idempotency-Key";

    @Inject
    IdempotencyRepository repository;

    @Inject
    ObjectMapper json;

    public record Stored(int status, String body) {}

    /** The stored answer for this key, if the same request was made before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Stored> find(String scope, String key, String requestHash) {
        if (key == null) {
            return Optional.empty();
        }
        check(key);
        Optional<IdempotencyRepository.StoredAnswer> stored = repository.find(scope, key);
        if (stored.isPresent() && !requestHash.equals(stored.get().requestHash())) {
            throw ProblemException.unprocessable(
                    HEADER,
                    "idempotency_key_reused",
                    "此 Idempotency-Key 已用于另一个不同的请求",
                    "this Idempotency-Key was used for a different request");
        }
        return stored.map(a -> new Stored(a.status(), a.response()));
    }

    /** Stores the answer in the caller's transaction: it exists exactly when the effect committed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String scope, String key, String requestHash, int status, Object answer) {
        if (key == null) {
            return;
        }
        repository.insert(scope, key, requestHash, status, write(answer));
    }

    /** A stable hash of a request: its parts serialised as JSON. */
    public String hash(Object... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (Object p : parts) {
                d.update(write(p).getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(String key) {
        if (key.isBlank() || key.length() > 200) {
            throw ProblemException.badRequest(
                    HEADER, "invalid", "Idempotency-Key 应为 1 至 200 个字符", "an Idempotency-Key has 1 to 200 characters");
        }
    }
}
