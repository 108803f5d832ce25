package de.kuzmobil.planner.domain;

/** The part of a demand a visit carries: a visit can hold several demands, a demand several visits. */
public record DemandShare(String demandId, ServiceType service, int appointments, int priority) {
}
