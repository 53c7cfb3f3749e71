package io.parkpulse.common.error;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolver;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolverContext;

/**
 * The language of Bean Validation messages, decided by the same rule as every other message
 * ({@link ProblemMappers#prefersEnglish}): English when Accept-Language starts with it, Chinese
 * otherwise. Quarkus's own resolver matches the header against {@code quarkus.locales} and would
 * answer "zh-TW, en" in English while the problem's title is Chinese; the priority makes this
 * resolver ask first, and it always answers.
 */
@Singleton
@Priority(100)
public class ValidationLocale implements LocaleResolver {

    public static final Locale CHINESE = Locale.forLanguageTag("zh-CN");

    @Inject
    CurrentVertxRequest request;

    @Override
    public Locale resolve(LocaleResolverContext context) {
        String header = null;
        if (Arc.container().requestContext().isActive()) {
            RoutingContext current = request.getCurrent();
            header = current == null ? null : current.request().getHeader("Accept-Language");
        }
        return ProblemMappers.prefersEnglish(header) ? Locale.ENGLISH : CHINESE;
    }
}
