package io.elicitor.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code simulate --experiment} writes to {@code --out}: a rehearsed experiment's results as the service
 * reported them, and every simulated session. The names and order of these components are the JSON's fields.
 *
 * @param experiment the experiment's results ({@code GET /experiments/{id}/results})
 * @param arms its arms, repeated from there
 * @param sampleRatioMismatch whether the service found the arms' shares off their weights
 * @param sessions each simulated session's outcome, in user order
 * @param config what was rehearsed and how
 * @param seconds wall-clock seconds from the start of the rehearsal to these results
 */
public record RehearsalResults(JsonNode experiment, JsonNode arms, boolean sampleRatioMismatch,
                               List<ExperimentRehearsal.SessionOutcome> sessions, Map<String, Object> config,
                               double seconds) {

    /** Writes the JSON, indented, to {@code file}. */
    public void write(Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
    }
}
