package io.parkpulse.common.events.payload;

/**
 * An indicator of the catalog as it is after a change (defined or retired). Catalog events are not
 * about one park: their key and subject are {@code CATALOG}.
 */
public record IndicatorDefinition(
        String code,
        String nameZh,
        String nameEn,
        String unit,
        String kind,
        String direction,
        boolean allowNegative,
        int decimals,
        boolean mandatory,
        String status) {

    public static final String KEY = "CATALOG";
}
