package org.b2bforum;

import java.util.List;
import java.util.Set;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.internal.UIInternals.JavaScriptInvocation;

/**
 * The base of the browserless view tests: routes and error views are looked for in the
 * application's own package and Vaadin's router package (its error views, as the running
 * application has them) only. Left to itself, browserless scans the whole class path (Vaadin,
 * Spring, OR-Tools...) once per run, which took 40 s to over a minute of the suite before the
 * first view test could start.
 */
public abstract class ForumBrowserlessTest extends SpringBrowserlessTest {

    @Override
    protected Set<String> scanPackages() {
        return Set.of("org.b2bforum", "com.vaadin.flow.router");
    }

    /**
     * The scripts the page would send to the browser since the last look (and forgets them). Call it on the server's
     * side of a click ({@code button.click()}): browserless's own round trip drops them.
     */
    protected static List<JavaScriptInvocation> scriptsSinceLastLook() {
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(PendingJavaScriptInvocation::getInvocation).toList();
    }

    /** Whether the page asked the browser to focus the component (Focusable.focus) among these scripts. */
    protected static boolean focuses(List<JavaScriptInvocation> scripts, Component component) {
        return scripts.stream().anyMatch(call -> call.getExpression().contains(".focus(")
                && call.getParameters().contains(component.getElement()));
    }

    /** Whether these scripts put {@code text} on the clipboard (CopyableLink's "Copy"). */
    protected static boolean copies(List<JavaScriptInvocation> scripts, String text) {
        return scripts.stream().anyMatch(call -> call.getExpression().contains("clipboard.writeText")
                && call.getParameters().contains(text));
    }

    /**
     * Answers the page's pending "Copy" (CopyableLink) as the browser would: {@code copied} whether the link reached
     * the clipboard. Call it on the server's side of the click, before anything else looks at the scripts.
     */
    protected static void answerCopy(boolean copied) {
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        PendingJavaScriptInvocation copy = UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .filter(call -> call.getInvocation().getExpression().contains("clipboard.writeText")).findFirst()
                .orElseThrow(() -> new AssertionError("no Copy script was sent"));
        copy.complete(tools.jackson.databind.node.BooleanNode.valueOf(copied));
    }

    /** What the scripts wrote into the screen reader's hidden live region (ScreenReaderRegion). */
    protected static List<Object> announced(List<JavaScriptInvocation> scripts) {
        return scripts.stream().filter(call -> call.getExpression().contains("aria-live"))
                .flatMap(call -> call.getParameters().stream().filter(String.class::isInstance)).toList();
    }
}
