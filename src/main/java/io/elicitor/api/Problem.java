package io.elicitor.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail, with {@code field} naming the request field at fault when there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {
    /** The media type of problem bodies. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem for a status, with a detail and an optional field. */
    public static Problem of(int status, String detail, String field) {
        Response.Status s = Response.Status.fromStatusCode(status);
        String title = s != null ? s.getReasonPhrase() : "HTTP " + status;
        return new Problem("about:blank", title, status, detail, field);
    }

    /** This problem as a response. */
    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
