/**
 * The HTTP API: thin RESTEasy Reactive resources that validate the body's shape and call one session,
 * catalog or experiment type each; request and response records ({@link io.elicitor.api.Dtos}); strict JSON
 * parsing; and the mapping of every {@link io.elicitor.runtime.Refusal} and framework error to an
 * {@code application/problem+json} body naming the field at fault ({@link io.elicitor.api.ProblemMappers}).
 * The top of the house: nothing imports it.
 */
package io.elicitor.api;
