package io.elicitor.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** 10,000 seeded malformed and hostile requests over every endpoint, in-memory store: none answered 5xx. */
@QuarkusTest
class FuzzTest {
    @TestHTTPResource("/")
    URI base;

    @Test
    void tenThousandBadRequestsNoServerError() throws Exception {
        FuzzDrive.run(base, 18L, 10_000);
    }
}
