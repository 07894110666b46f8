package io.elicitor.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.elicitor.runtime.Refusal;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json}: refusals of the session service keep their
 * kind (400, 404, 409, 503), JSON the server cannot read is a 400 naming the field, framework errors keep
 * their status, and anything unexpected is logged and answered 500 without internals.
 */
public final class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response session(Refusal e) {
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case UNAUTHORIZED -> 401;
            case NOT_FOUND, NOT_ENABLED -> 404;
            case TOO_MANY -> 429;
            case CONFLICT -> 409;
            case UNAVAILABLE -> 503;
        };
        Response r = Problem.of(status, e.getMessage(), e.field()).toResponse();
        return status == 503 || status == 429 ? Response.fromResponse(r)
                .header("Retry-After", Long.toString(e.retryAfterSeconds())).build() : r;
    }

    // Quarkus ships mappers for the specific Jackson exceptions (empty 400 bodies); the most specific type
    // wins, so each is claimed here explicitly.
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response unrecognized(UnrecognizedPropertyException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response parse(JsonParseException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return Problem.of(400, "unknown field '" + u.getPropertyName() + "'", u.getPropertyName()).toResponse();
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return Problem.of(400, "field '" + field + "' has a value of the wrong type: " + e.getOriginalMessage(), field)
                    .toResponse();
        }
        String what = e instanceof JsonParseException ? "malformed JSON: " : "unreadable JSON: ";
        return Problem.of(400, what + e.getOriginalMessage(), null).toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException j) {
            return json(j);
        }
        int status = e.getResponse() != null ? e.getResponse().getStatus() : 500;
        if (status >= 500) {
            LOG.error("request failed", e);
            return Problem.of(status, "internal error", null).toResponse();
        }
        return Problem.of(status, e.getMessage(), null).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (e instanceof IllegalArgumentException) {
            return Problem.of(400, e.getMessage(), null).toResponse();
        }
        LOG.error("unexpected failure", e);
        return Problem.of(500, "internal error; it has been logged", null).toResponse();
    }
}
