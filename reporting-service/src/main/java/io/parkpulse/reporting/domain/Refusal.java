package io.parkpulse.reporting.domain;

import io.parkpulse.common.error.Problem;
import io.parkpulse.common.error.ProblemException;
import java.util.List;

/**
 * One input refused, with its reason in Chinese (what users read) and in English (for a client that asks
 * with {@code Accept-Language: en}). A scheme or a list of rows can be wrong in several places at once,
 * each for its own reason; ProblemException's factories carry one English text for the whole refusal.
 */
public record Refusal(String field, String code, String chinese, String english) {

    public Problem.FieldError error(boolean inEnglish) {
        return new Problem.FieldError(field, code, inEnglish ? english : chinese);
    }

    /** The refusal of every input named, each in the language the client reads. */
    public static ProblemException all(
            int status, String code, String chineseDetail, String englishDetail, List<Refusal> refusals) {
        return new Several(status, code, chineseDetail, englishDetail, refusals);
    }

    private static final class Several extends ProblemException {

        private final List<Problem.FieldError> english;

        Several(int status, String code, String chinese, String english, List<Refusal> refusals) {
            super(
                    status,
                    code,
                    chinese,
                    english,
                    refusals.stream().map(r -> r.error(false)).toList(),
                    null);
            this.english = refusals.stream().map(r -> r.error(true)).toList();
        }

        @Override
        public List<Problem.FieldError> errors(boolean inEnglish) {
            return inEnglish ? english : errors();
        }
    }
}
