package io.elicitor.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code serve -Dkey=value} sets system properties, as the README says; other arguments go to Quarkus. */
class ServeCommandTest {
    @AfterEach
    void clear() {
        System.clearProperty("elicitor.test.serve-a");
        System.clearProperty("elicitor.test.serve-b");
    }

    @Test
    void systemPropertiesAreSetAndTheRestIsPassedOn() {
        String[] rest = ServeCommand.applySystemProperties(new String[] {
                "-Delicitor.test.serve-a=x=y", "--other", "-Delicitor.test.serve-b", "plain"});
        assertEquals("x=y", System.getProperty("elicitor.test.serve-a"), "only the first '=' separates");
        assertEquals("true", System.getProperty("elicitor.test.serve-b"));
        assertArrayEquals(new String[] {"--other", "plain"}, rest);
    }

    @Test
    void aPropertyWithoutANameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ServeCommand.applySystemProperties(new String[] {"-D=1"}));
    }
}
