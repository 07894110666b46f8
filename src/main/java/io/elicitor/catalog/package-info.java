/**
 * Item catalogs: the on-disk format (manifest, items, float32 embeddings in {@code .npy}), loading with
 * validation, building embeddings from attribute tables, and the registry of catalogs a server has loaded.
 * See {@code item-catalog/README.md} for the format.
 */
package io.elicitor.catalog;
