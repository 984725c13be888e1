package org.b2bforum.fair;

import java.util.Map;

/** A product form with mistakes: field name (as in {@link ProductForm}, and "photo") to translation key. */
public class InvalidProductException extends RuntimeException {

    private final transient Map<String, String> errors;

    public InvalidProductException(Map<String, String> errors) {
        super("Invalid product: " + errors);
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
