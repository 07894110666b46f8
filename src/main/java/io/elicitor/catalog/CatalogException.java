package io.elicitor.catalog;

/** A catalog that cannot be loaded or built; the message names the file, the row and the problem. */
public final class CatalogException extends Exception {
    /** A failure with a message that says where and what. */
    public CatalogException(String message) {
        super(message);
    }

    /** The same, with its cause. */
    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
