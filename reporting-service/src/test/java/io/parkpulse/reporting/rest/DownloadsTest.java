package io.parkpulse.reporting.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DownloadsTest {

    @Test
    void chineseNameInRfc5987WithAnAsciiFallback() {
        assertEquals(
                "attachment; filename=\"ranking-growth-industrial_output-2026-10.xlsx\"; filename*=UTF-8''"
                        + "%E5%B7%A5%E4%B8%9A%E6%80%BB%E4%BA%A7%E5%80%BC%E5%90%8C%E6%AF%94%E5%A2%9E%E9%80%9F%E6%8E%92%E5%90%8D"
                        + "_2026%E5%B9%B410%E6%9C%88.xlsx",
                Downloads.attachment("ranking-growth-industrial_output-2026-10.xlsx", "工业总产值同比增速排名_2026年10月.xlsx"));
    }

    @Test
    void nothingUnsafeReachesEitherName() {
        // A space and '(' are outside attr-char; '/', '*' and a quote are refused by file systems.
        assertEquals(
                "inline; filename=\"a_b_c_d.md\"; filename*=UTF-8''a%20b_c%28__.md",
                Downloads.disposition("inline", "a b\"c/d.md", "a b/c(*\".md"));
    }
}
