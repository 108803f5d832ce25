package de.kuzmobil.planner.domain;

/**
 * What kind of place a mobile team serves; shown to dispatchers, not used by the solver. The one list of
 * kinds: the API takes and shows these names, and the site table's check allows exactly these (a test
 * compares them).
 */
public enum SiteKind {
    PART_TIME_CENTRE, BANK_BRANCH, CARE_HOME, PRISON, HOSPITAL, UNIVERSITY, LIBRARY, MARKET, ISLAND, COMMUNITY_CENTRE,
    OTHER
}
