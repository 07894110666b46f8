/**
 * The {@code ./elicitor} launcher: one main class whose picocli subcommands are the service
 * ({@code serve}) and the tools ({@code embed}, {@code simulate}, {@code bench-query}), so all share one build.
 */
package io.elicitor.cli;
