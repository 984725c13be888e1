package org.b2bforum.base.text;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The http(s) addresses in what people write (a message, an announcement, an organizer's comment), found as plain code:
 * the text cut into plain pieces and links. Nothing in such a text is ever taken as HTML.
 */
public final class Links {

    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"'`]+");
    /** Punctuation that ends a sentence rather than a link: "see https://x.ru/a." */
    private static final String TRAILING = ".,;:!?)]}»\"'";

    /** A piece of a text: plain text, or a link with the http(s) address it opens. */
    public record Segment(String text, URI link) {

        public boolean isLink() {
            return link != null;
        }
    }

    private Links() {
    }

    /** The text cut into plain pieces and links; a link is only an absolute http or https address with a host. */
    public static List<Segment> segments(String text) {
        List<Segment> segments = new ArrayList<>();
        Matcher matcher = URL.matcher(text);
        int plainFrom = 0;
        while (matcher.find()) {
            String candidate = matcher.group();
            int end = candidate.length();
            while (end > 0 && TRAILING.indexOf(candidate.charAt(end - 1)) >= 0) {
                end--;
            }
            candidate = candidate.substring(0, end);
            Optional<URI> link = link(candidate);
            if (link.isEmpty()) {
                continue;
            }
            if (matcher.start() > plainFrom) {
                segments.add(new Segment(text.substring(plainFrom, matcher.start()), null));
            }
            segments.add(new Segment(candidate, link.get()));
            plainFrom = matcher.start() + candidate.length();
        }
        if (plainFrom < text.length()) {
            segments.add(new Segment(text.substring(plainFrom), null));
        }
        return segments;
    }

    private static Optional<URI> link(String candidate) {
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // not a well-formed address: it stays plain text
        }
        return Optional.empty();
    }
}
