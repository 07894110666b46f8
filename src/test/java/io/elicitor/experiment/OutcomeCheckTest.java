package io.elicitor.experiment;

import io.elicitor.runtime.Refusal;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The outcome checks that need no database refuse with the field at fault. */
class OutcomeCheckTest {
    private static void refused(Outcome o, String field, String message) {
        Refusal r = assertThrows(Refusal.class, () -> OutcomeRecorder.check(o));
        assertEquals(Refusal.Kind.INVALID, r.kind());
        assertEquals(field, r.field());
        assertEquals(message, r.getMessage());
    }

    @Test
    void badOutcomesAreRefused() {
        refused(null, null, "a JSON body {itemId, accepted, rating?} is required");
        refused(new Outcome(null, true, null), "itemId", "itemId is required");
        refused(new Outcome(" ", true, null), "itemId", "itemId is required");
        refused(new Outcome("001", null, 5.0), "accepted", "accepted (true or false) is required");
        refused(new Outcome("001", false, 10.5), "rating", "rating must be a number from 0 to 10, got 10.5");
        refused(new Outcome("001", false, -0.5), "rating", "rating must be a number from 0 to 10, got -0.5");
        refused(new Outcome("001", false, Double.NaN), "rating", "rating must be a number from 0 to 10, got NaN");
    }

    @Test
    void goodOutcomesPass() {
        assertDoesNotThrow(() -> OutcomeRecorder.check(new Outcome("001", true, null)));
        assertDoesNotThrow(() -> OutcomeRecorder.check(new Outcome("001", false, 0.0)));
        assertDoesNotThrow(() -> OutcomeRecorder.check(new Outcome("001", true, 10.0)));
    }
}
