package io.parkpulse.indicators.domain;

/** Input as a message quotes it back: at most 40 characters, so that a megabyte sent is not a megabyte answered. */
public final class Shown {

    static final int MAX = 40;

    public static String text(String s) {
        if (s == null) {
            return "";
        }
        if (s.length() <= MAX) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(MAX - 1)) ? MAX - 1 : MAX;
        return s.substring(0, end) + "…";
    }

    private Shown() {}
}
