package io.parkpulse.reporting.rest;

import java.nio.charset.StandardCharsets;

/**
 * The Content-Disposition of every file reporting-service serves: a Chinese name, as the office files the
 * document (RFC 6266 {@code filename*} in RFC 5987 encoding), and an ASCII name for clients that read only
 * {@code filename}.
 */
final class Downloads {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Downloads() {}

    /** {@code attachment; filename="ranking-….xlsx"; filename*=UTF-8''%E5%B7%A5…}. */
    static String attachment(String asciiName, String chineseName) {
        return disposition("attachment", asciiName, chineseName);
    }

    /**
     * {@code type} is attachment (save it) or inline (show it in the browser). Characters Windows refuses in a file
     * name become '_', since a title or a peer group may hold them and the browser saves under this name.
     */
    static String disposition(String type, String asciiName, String chineseName) {
        return type + "; filename=\"" + ascii(asciiName) + "\"; filename*=UTF-8''"
                + rfc5987(chineseName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_"));
    }

    /** Only letters, digits, '.', '-' and '_': nothing a quoted string or a file system could take amiss. */
    static String ascii(String name) {
        return name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    /**
     * Percent-encodes every UTF-8 byte outside RFC 5987's attr-char. Not URLEncoder: it writes '+' for a space
     * and leaves '*' bare, which attr-char does not allow.
     */
    static String rfc5987(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
