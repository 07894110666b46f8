package io.elicitor.catalog;

import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing and evaluation of attribute predicates. */
class AttributePredicateTest {
    private static final Map<String, Object> CAR = Map.of("Horsepower", 130, "Origin", "Japan", "Year", "1978-01-01");

    @Test
    void numericComparisonsCompareAsNumbers() {
        assertTrue(AttributePredicate.parse("Horsepower >= 130").test(CAR));
        assertTrue(AttributePredicate.parse("Horsepower > 99.5").test(CAR));
        assertFalse(AttributePredicate.parse("Horsepower < 130").test(CAR));
        assertTrue(AttributePredicate.parse("Horsepower <= 1e3").test(CAR));
        assertTrue(AttributePredicate.parse("Horsepower != 131").test(CAR));
        // "130" < "99" as strings; numbers must not compare as strings
        assertTrue(AttributePredicate.parse("Horsepower > 99").test(CAR));
    }

    @Test
    void setMembershipAndEqualityOnStrings() {
        assertTrue(AttributePredicate.parse("Origin in [Japan, Europe]").test(CAR));
        assertFalse(AttributePredicate.parse("Origin not in [Japan]").test(CAR));
        assertTrue(AttributePredicate.parse("Origin = 'Japan'").test(CAR));
        assertTrue(AttributePredicate.parse("Origin = \"Japan\"").test(CAR));
        assertFalse(AttributePredicate.parse("Origin = USA").test(CAR));
    }

    @Test
    void missingAttributeNeverMatches() {
        assertFalse(AttributePredicate.parse("Price < 10").test(CAR));
        assertFalse(AttributePredicate.parse("Price not in [1]").test(CAR));
    }

    @Test
    void malformedPredicatesAreRefusedWithTheirText() {
        for (String bad : new String[] {"", "Horsepower", "Horsepower >>> 3", ">= 3", "Origin in Japan"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AttributePredicate.parse(bad));
            assertTrue(e.getMessage().contains(bad.isEmpty() ? "" : bad), e.getMessage());
        }
    }

    @Test
    void attributeNameAndTextRoundTrip() {
        AttributePredicate p = AttributePredicate.parse("Year >= 1980");
        assertEquals("Year", p.attribute());
        assertEquals("Year >= 1980", p.toString());
    }
}
