/**
 * The offline simulation harness: simulated users with known utility vectors answer queries by the logit
 * choice model, and the harness measures normalised regret after every answer, for every strategy side by
 * side, in process (the engine itself) or through the live HTTP API.
 */
package io.elicitor.simulation;
