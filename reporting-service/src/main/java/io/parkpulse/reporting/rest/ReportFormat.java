package io.parkpulse.reporting.rest;

import io.parkpulse.common.error.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** How a written report is sent: Markdown (the default), a printable HTML page, or a Word document to hand out. */
enum ReportFormat {
    MARKDOWN("markdown", SummaryResource.MARKDOWN, ".md"),
    HTML("html", SummaryResource.HTML, ".html"),
    DOCX("docx", SummaryResource.DOCX, ".docx");

    final String parameter;
    final String mediaType;
    final String extension;

    ReportFormat(String parameter, String mediaType, String extension) {
        this.parameter = parameter;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /**
     * The {@code format} parameter when given, else the first Accept type that names HTML or Markdown;
     * decided before the report is built, so that a bad format costs nothing.
     */
    static ReportFormat of(String format, HttpHeaders headers) {
        if (format != null) {
            for (ReportFormat f : values()) {
                if (f.parameter.equals(format)) {
                    return f;
                }
            }
            throw ProblemException.badRequest(
                    "format",
                    "unknown_format",
                    "格式“" + format + "”不是 markdown、html 或 docx",
                    "'" + format + "' is not markdown, html or docx");
        }
        return headers.getAcceptableMediaTypes().stream()
                        .filter(t -> t.isCompatible(MediaType.TEXT_HTML_TYPE)
                                || t.isCompatible(MediaType.valueOf("text/markdown")))
                        .findFirst()
                        .map(t -> t.isCompatible(MediaType.TEXT_HTML_TYPE)
                                && !t.isWildcardType()
                                && !t.isWildcardSubtype())
                        .orElse(false)
                ? HTML
                : MARKDOWN;
    }
}
