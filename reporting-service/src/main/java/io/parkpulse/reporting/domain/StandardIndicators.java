package io.parkpulse.reporting.domain;

import java.util.List;
import java.util.Set;

/**
 * The catalog every city starts with (DOMAIN.md; indicators-service seeds the same codes, in this
 * order). A scheme may use these before any park has reported them; indicators added later are known
 * once reported. The written summary also needs to know which of them are stocks (no time-elapsed
 * progress) and which are better lower (a fall is not a problem): value events do not carry that, and
 * the seeded catalog is not published as events.
 */
public final class StandardIndicators {

    public static final List<String> ORDER = List.of(
            "industrial_output",
            "above_scale_industrial_output",
            "industrial_value_added",
            "main_business_revenue",
            "total_profit",
            "tax_revenue",
            "fixed_asset_investment",
            "industrial_investment",
            "tech_upgrade_investment",
            "infrastructure_investment",
            "export_value",
            "foreign_capital_used",
            "industrial_electricity",
            "energy_consumption",
            "rd_expenditure",
            "above_scale_enterprises",
            "high_tech_enterprises",
            "specialized_smes",
            "employees",
            "standard_factory_area",
            "revitalized_idle_land");

    public static final Set<String> CODES = Set.copyOf(ORDER);

    public static final Set<String> STOCK = Set.of(
            "above_scale_enterprises",
            "high_tech_enterprises",
            "specialized_smes",
            "employees",
            "standard_factory_area");

    public static final Set<String> LOWER_BETTER = Set.of("energy_consumption");

    /** Position in the catalog's order; indicators outside the catalog come last. */
    public static int order(String code) {
        int i = ORDER.indexOf(code);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private StandardIndicators() {}
}
