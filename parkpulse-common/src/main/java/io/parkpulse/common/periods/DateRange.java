package io.parkpulse.common.periods;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request date whose plausible range differs from the default of {@link DateBounds} (1 January 2000 to
 * 31 December of next year). Put it on a record component or field of type {@code LocalDate}; the JSON
 * reader refuses a value outside it with 400 {@code date_out_of_range} naming the field. Every use says
 * in a comment why that field may reach further than the default.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface DateRange {

    /** How many years after the current one the latest accepted date lies in (its 31 December). */
    int yearsAhead() default DateBounds.DEFAULT_YEARS_AHEAD;

    /** The first year accepted (from its 1 January). */
    int earliestYear() default DateBounds.EARLIEST_YEAR;
}
