package org.b2bforum.registration;

/**
 * What is wrong with one field of a form.
 *
 * @param field the property path, e.g. {@code taxNumber} or {@code delegates[0].email}
 * @param key   the translation key of the message
 */
public record FieldError(String field, String key) {
}
