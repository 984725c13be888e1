package org.b2bforum.base.ui;

/** Text put into a {@code LitRenderer}'s template (a translation, a name): shown as text, never read as markup or code. */
public final class TemplateText {

    private TemplateText() {
    }

    /** Text as it may stand in the template: no markup, and nothing the JS template literal around it would read. */
    public static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '$' -> out.append("&#36;");
                case '`' -> out.append("&#96;");
                case '\\' -> out.append("&#92;");
                case '{' -> out.append("&#123;");
                case '}' -> out.append("&#125;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
