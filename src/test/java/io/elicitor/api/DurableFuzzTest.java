package io.elicitor.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The fuzz of {@link FuzzTest} against the durable store, where a hostile id once reached PostgreSQL and came back as
 * a 503 outage: none answered 5xx.
 */
@QuarkusTest
@TestProfile(DurableProfile.class)
class DurableFuzzTest {
    @TestHTTPResource("/")
    URI base;

    @Test
    void tenThousandBadRequestsNoServerError() throws Exception {
        FuzzDrive.run(base, 1818L, 10_000);
    }
}
