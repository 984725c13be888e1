package org.b2bforum.company;

/** The sector catalog. UI names come from the translation key {@code sector.<NAME>}. */
public enum Sector {
    CONSTRUCTION,
    ROAD_MUNICIPAL_MACHINERY,
    MANUFACTURING,
    FOOD_AGRICULTURE,
    IT_DIGITAL,
    TRANSPORT_LOGISTICS,
    TOURISM,
    HEALTHCARE_PHARMA,
    EDUCATION,
    HOUSING_UTILITIES,
    ENERGY,
    FINANCE,
    TRADE_RETAIL,
    OTHER;

    public String translationKey() {
        return "sector." + name();
    }
}
