/**
 * Item catalogs: the on-disk format (manifest, items, float32 embeddings in {@code .npy}; see
 * {@code item-catalog/README.md}), loading with validation ({@link io.elicitor.catalog.CatalogLoader}), the
 * registry of loaded (id, version)s with each one's inner-product search and prior
 * ({@link io.elicitor.catalog.CatalogRegistry}), loading at start and by an operator
 * ({@link io.elicitor.catalog.CatalogLoading}), item filters ({@link io.elicitor.catalog.ItemFilter}) and the
 * approximate inner-product index for large catalogs ({@link io.elicitor.catalog.AnnInnerProductSearch}).
 * Building catalogs from attribute tables or ratings is the {@code embed} sub-package.
 *
 * <p>Loaded catalogs are immutable and shared read-only by every session; the registry is thread-safe.
 * Imports the engine and {@code runtime}, never sessions or the API.
 */
package io.elicitor.catalog;
