package io.parkpulse.reporting.service;

import java.util.Set;

/**
 * The catalog every city starts with (DOMAIN.md; indicators-service seeds the same codes). A scheme may
 * use these before any park has reported them; indicators added later are known once reported.
 */
final class StandardIndicators {

    static final Set<String> CODES = Set.of("industrial_output", "above_scale_industrial_output", "industrial_value_added",
            "main_business_revenue", "total_profit", "tax_revenue", "fixed_asset_investment", "industrial_investment",
            "tech_upgrade_investment", "infrastructure_investment", "export_value", "foreign_capital_used",
            "industrial_electricity", "energy_consumption", "rd_expenditure", "above_scale_enterprises", "high_tech_enterprises",
            "specialized_smes", "employees", "standard_factory_area", "revitalized_idle_land");

    private StandardIndicators() {
    }
}
