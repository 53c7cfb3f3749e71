package io.parkpulse.reporting.service;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks what answers from the read model: while it is not whole (a rebuild runs, or the last one failed) such a
 * call is refused with 503 and Retry-After rather than answered from part of the data.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ReadsReadModel {}
