package org.b2bforum.registration;

/**
 * What is wrong with one field of a form.
 *
 * @param field the property path, e.g. {@code taxNumber} or {@code delegates[0].email}
 * @param key    the translation key of the message
 * @param detail the message's one parameter (e.g. a list of meetings), or null
 */
public record FieldError(String field, String key, String detail) {

    public FieldError(String field, String key) {
        this(field, key, null);
    }
}
