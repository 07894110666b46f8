package io.elicitor.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Export and deletion of a session over HTTP, in-memory store (see {@link SessionDataChecks}). */
@QuarkusTest
class SessionDataTest {
    @Test
    void theOwnerExportsAndDeletesAndNobodyElseCan() {
        SessionDataChecks.Made mine = SessionDataChecks.sessionWithTwoAnswers(41);
        SessionDataChecks.Made theirs = SessionDataChecks.sessionWithTwoAnswers(42);
        SessionDataChecks.exportIsTheWholeSession(mine);
        SessionDataChecks.strangersAreRefused(mine, theirs);
        SessionDataChecks.ownerDeletes(mine);
        SessionDataChecks.adminDeletes(theirs);
        SessionDataChecks.hostileIdsAreNotFound();
    }
}
