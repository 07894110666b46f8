/**
 * The service's configuration: {@link io.elicitor.config.ElicitorConfig} maps the {@code elicitor.*} keys
 * (environment variables {@code ELICITOR_*}) with their defaults, and
 * {@link io.elicitor.config.StoreModeConfigSourceFactory} turns the one switch {@code elicitor.store} into the
 * Quarkus settings it implies (PostgreSQL, Redis and Flyway active only with the durable store).
 *
 * <p>A leaf: it imports nothing of the project, and every package of the service may read it. The engine
 * ({@code evoi}) does not: it takes its settings as plain values. Configuration objects are immutable and
 * thread-safe.
 */
package io.elicitor.config;
