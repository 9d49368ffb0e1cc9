package io.aoi.opcua;

import java.time.Instant;

/**
 * One recipe change: who changed which field from what to what.
 *
 * @param at       when the change was applied
 * @param user     the OPC UA user name (or {@code anonymous} in the demo profile)
 * @param field    {@code DeblurModel}, {@code DeblurIterations} or {@code PreparedRecipe}
 * @param oldValue value before
 * @param newValue value after
 */
public record AuditRecord(Instant at, String user, String field, String oldValue, String newValue) {
    /** One line for the AuditLog variable: {@code <at> <user> <field> <old> -> <new>}. */
    public String line() {
        return at + " " + user + " " + field + " " + oldValue + " -> " + newValue;
    }
}
