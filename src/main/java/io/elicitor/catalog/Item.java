package io.elicitor.catalog;

import java.util.Map;

/** One catalog item as clients see it: a stable id, a title and its displayable attributes. */
public record Item(String id, String title, Map<String, Object> attributes) {
}
