package io.parkpulse.reporting.domain;

/**
 * What an assessment item or a ranking measures for a park and month: the indicator's value (year
 * to date for cumulative ones), its year-on-year growth in %, its completion of the annual target in
 * %, or its value per mu of developed land.
 */
public record Figure(Kind kind, String indicator) {

    public enum Kind {
        VALUE("value"),
        GROWTH("growth"),
        COMPLETION("completion"),
        PER_MU("perMu");

        public final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    /** null when the text is not a figure. */
    public static Figure parse(String text) {
        if (text == null) {
            return null;
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return null;
        }
        String prefix = text.substring(0, colon);
        String indicator = text.substring(colon + 1);
        if (!indicator.matches("[a-z][a-z0-9_]{1,63}")) {
            return null;
        }
        for (Kind k : Kind.values()) {
            if (k.prefix.equals(prefix)) {
                return new Figure(k, indicator);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return kind.prefix + ":" + indicator;
    }
}
