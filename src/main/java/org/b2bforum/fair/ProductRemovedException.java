package org.b2bforum.fair;

/**
 * The product is no longer there: it was removed (in another tab, or by another representative of the company) after
 * the page showed it. An answer for the user, in words ({@code product.removed-meanwhile}), not a fault: no stack
 * trace.
 */
public class ProductRemovedException extends RuntimeException {

    public ProductRemovedException(long productId) {
        super("No product " + productId + " (removed meanwhile)", null, false, false);
    }
}
