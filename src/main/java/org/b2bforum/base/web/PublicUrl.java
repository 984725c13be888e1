package org.b2bforum.base.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address people reach the application at ({@code b2bforum.public-url}, environment variable
 * {@code B2BFORUM_PUBLIC_URL}), for links that leave the application: invitation e-mails and the
 * check-in link in a badge's QR code.
 */
@Component
public class PublicUrl {

    private final String base;

    PublicUrl(@Value("${b2bforum.public-url}") String base) {
        this.base = base.strip().replaceAll("/+$", "");
    }

    /** The absolute link to a path of the application, e.g. {@code of("check-in/abc")}. */
    public String of(String path) {
        return base + "/" + path.replaceFirst("^/+", "");
    }
}
