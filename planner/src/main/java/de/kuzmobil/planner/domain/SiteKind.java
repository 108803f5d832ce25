package de.kuzmobil.planner.domain;

/** What kind of place a mobile team serves; shown to dispatchers, not used by the solver. */
public enum SiteKind {
    SERVICE_POINT, BANK_BRANCH, CARE_HOME, PRISON, HOSPITAL, UNIVERSITY, LIBRARY, MARKET, ISLAND, OTHER
}
