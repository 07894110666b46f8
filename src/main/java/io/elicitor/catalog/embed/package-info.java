/**
 * Building catalog vectors ({@code ./elicitor embed}), offline, from an attribute table or from ratings; the
 * catalog folder itself is written by {@code io.elicitor.catalog.CatalogWriter}.
 *
 * <p>Attribute tables: {@link io.elicitor.catalog.embed.Csv} reads RFC 4180 CSV into rows and
 * {@link io.elicitor.catalog.embed.AttributeEmbedder} standardises numeric columns and one-hot encodes
 * categorical ones.
 *
 * <p>Ratings, in three steps kept apart so each can be read and tested alone:
 * <ol>
 * <li>parsing: {@link io.elicitor.catalog.embed.RatingsReader} reads a file in a
 *     {@link io.elicitor.catalog.embed.RatingsFormat} ({@code ml-100k}, {@code ml-latest}, or a generic
 *     {@code csv}) into {@link io.elicitor.catalog.embed.Ratings}, and the items' titles (MovieLens files
 *     beside the ratings, or an {@code id,title} CSV); errors name the file and line;</li>
 * <li>fitting: {@link io.elicitor.catalog.embed.RatingsEmbedder} splits users three ways by a seeded hash
 *     ({@code UserSplit}), fits biased ALS ({@link io.elicitor.catalog.embed.BiasedAls}) on group 1 and
 *     reports RMSEs and norms;</li>
 * <li>fold-in: {@code UserFoldIn} fits groups 2 and 3 by least squares against the fixed items; they become
 *     {@code users-train} (the prior's population) and {@code users-heldout} (simulation ground truth).</li>
 * </ol>
 * {@link io.elicitor.catalog.embed.RatingsProvenance} decides what the manifest says about the ratings:
 * GroupLens's title, source and licence for the MovieLens formats unless given, and for any other format
 * only what the command line gives (a missing one is refused, never guessed).
 * {@link io.elicitor.catalog.embed.SyntheticCatalog} makes seeded vectors for benchmarks. Typical use:
 * {@code RatingsReader.read(file, format)}, then {@code new RatingsEmbedder(settings).build(ratings, items,
 * onIteration)}, then {@code CatalogWriter.write(...)} with the result.
 *
 * <p>Thread-safety: the readers and factories are stateless and their records immutable (but their arrays
 * are shared, not copied: do not modify them). A {@code RatingsEmbedder} holds only its settings and may
 * build on several threads at once, since each build makes its own {@code BiasedAls}; one {@code BiasedAls}
 * is not thread-safe (it accumulates solve time). Builds are deterministic for a seed.
 *
 * <p>May use {@code catalog} and {@code evoi} (seeded hashing); never sessions, the API or the tools.
 */
package io.elicitor.catalog.embed;
