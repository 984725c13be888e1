package org.b2bforum.company;

import static org.b2bforum.company.Sector.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Sectors that buy from or supply each other, e.g. road machinery makers and housing utilities. */
final class SectorAffinity {

    private static final Map<Sector, Set<Sector>> COMPLEMENTS = new EnumMap<>(Sector.class);

    static {
        pair(ROAD_MUNICIPAL_MACHINERY, HOUSING_UTILITIES);
        pair(ROAD_MUNICIPAL_MACHINERY, CONSTRUCTION);
        pair(CONSTRUCTION, MANUFACTURING);
        pair(CONSTRUCTION, ENERGY);
        pair(CONSTRUCTION, HOUSING_UTILITIES);
        pair(FOOD_AGRICULTURE, TRADE_RETAIL);
        pair(FOOD_AGRICULTURE, TRANSPORT_LOGISTICS);
        pair(MANUFACTURING, TRANSPORT_LOGISTICS);
        pair(MANUFACTURING, TRADE_RETAIL);
        pair(IT_DIGITAL, MANUFACTURING);
        pair(IT_DIGITAL, HOUSING_UTILITIES);
        pair(IT_DIGITAL, FINANCE);
        pair(IT_DIGITAL, HEALTHCARE_PHARMA);
        pair(IT_DIGITAL, EDUCATION);
        pair(IT_DIGITAL, TRANSPORT_LOGISTICS);
        pair(TOURISM, TRANSPORT_LOGISTICS);
        pair(HEALTHCARE_PHARMA, TRADE_RETAIL);
        pair(ENERGY, HOUSING_UTILITIES);
        pair(FINANCE, TRADE_RETAIL);
    }

    private SectorAffinity() {
    }

    private static void pair(Sector a, Sector b) {
        COMPLEMENTS.computeIfAbsent(a, k -> EnumSet.noneOf(Sector.class)).add(b);
        COMPLEMENTS.computeIfAbsent(b, k -> EnumSet.noneOf(Sector.class)).add(a);
    }

    static Set<Sector> complementsOf(Sector sector) {
        return COMPLEMENTS.getOrDefault(sector, Set.of());
    }
}
