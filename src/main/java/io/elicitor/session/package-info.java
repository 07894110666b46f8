/**
 * Sessions: the state of one user's elicitation (pinned catalog, posterior, pending query, answers), the
 * store that keeps it behind an interface, and the service that runs a session step by step with the
 * engine. Maths runs on a bounded worker pool, never on the Vert.x event loop.
 */
package io.elicitor.session;
