/**
 * The HTTP API: thin RESTEasy Reactive resources over the session service, request and response records,
 * and the mapping of every refusal to an {@code application/problem+json} body that names the field at fault.
 */
package io.elicitor.api;
