package io.parkpulse.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table that lines up Chinese text (two columns a character) in a terminal. */
final class Table {

    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] rightAligned;

    Table(boolean... rightAligned) {
        this.rightAligned = rightAligned;
    }

    Table row(String... cells) {
        rows.add(cells);
        return this;
    }

    String render() {
        int cols = rightAligned.length;
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                w[i] = Math.max(w[i], width(r[i]));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < rows.size(); n++) {
            String[] r = rows.get(n);
            for (int i = 0; i < cols; i++) {
                String pad = " ".repeat(w[i] - width(r[i]));
                sb.append(i == 0 ? "  " : "  ").append(rightAligned[i] ? pad + r[i] : r[i] + pad);
            }
            sb.append('\n');
            if (n == 0) {
                int total = 0;
                for (int x : w) {
                    total += x + 2;
                }
                sb.append("  ").append("-".repeat(total - 2)).append('\n');
            }
        }
        return sb.toString();
    }

    static int width(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xFF00 && c <= 0xFFEF) ? 2 : 1;
        }
        return n;
    }
}
