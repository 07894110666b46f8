/**
 * Wiring: the CDI producers that assemble the service from configuration, and what happens at start.
 *
 * <ul>
 *   <li>{@link io.elicitor.app.CatalogWiring}: the catalog registry, loaded with the configured catalogs.</li>
 *   <li>{@link io.elicitor.app.SessionWiring}: engine settings, strategies, the maths pool, the session store
 *       (in memory, or durable on PostgreSQL and Redis) and the session types the API calls.</li>
 *   <li>{@link io.elicitor.app.Startup}: warms ND4J up and logs the store, catalogs and λ in use.</li>
 * </ul>
 * The only package that knows every other one below the API; nothing imports it. Producers run once, at start.
 */
package io.elicitor.app;
