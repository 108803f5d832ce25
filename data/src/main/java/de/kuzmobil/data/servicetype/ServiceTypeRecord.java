package de.kuzmobil.data.servicetype;

/** A service citizens book (ID card, passport, registration...) with its counter minutes. */
public record ServiceTypeRecord(String code, String name, int minutes, String skill) {
}
