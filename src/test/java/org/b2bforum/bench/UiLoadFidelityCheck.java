package org.b2bforum.bench;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;

import org.b2bforum.base.ui.Chromium;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Checks once that {@link UidlClient} does what a browser does: one company asks another for a
 * meeting through the protocol client, then a real Chromium logs in as the other company and must
 * see the request on its meetings page. Arguments: base URL of the application on the forum of
 * {@link UiLoadForum}, the requesting and the asked company's ids (both without a running user).
 * Prints {@code FIDELITY ok} or fails; leaves a screenshot in target/ui-load/fidelity.png.
 */
public final class UiLoadFidelityCheck {

    private UiLoadFidelityCheck() {
    }

    public static void main(String[] args) {
        String base = args[0];
        long requester = Long.parseLong(args[1]);
        long partner = Long.parseLong(args[2]);
        UidlClient tab = new UidlClient(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), base);
        List<String> login = UiLoadForum.companyLogin(requester);
        tab.logIn(login.get(0), login.get(1));
        tab.open("");
        tab.navigate("companies/" + partner, "", "link");
        tab.click(tab.require("request-meeting-" + partner));
        UidlClient.Node slot = tab.descendants(tab.require("request-slot"), "vaadin-select-item").getFirst();
        tab.setValue(tab.require("request-slot"), slot.property("value"), "value-changed");
        tab.click(tab.require("request-submit"));
        if (!"meetings".equals(tab.navigatedTo())) {
            throw new IllegalStateException("the request was not sent: " + tab.navigatedTo());
        }
        System.out.println("The protocol client (company " + requester + ") asked company " + partner);

        try (Playwright playwright = Chromium.playwright(); Browser browser = Chromium.launch(playwright);
                BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("ru-RU"))) {
            Page page = context.newPage();
            page.setDefaultTimeout(60_000);
            page.navigate(base + "/login");
            List<String> other = UiLoadForum.companyLogin(partner);
            page.locator("input[name=username]").fill(other.get(0));
            page.locator("input[name=password]").fill(other.get(1));
            page.locator("vaadin-login-form vaadin-button").first().click();
            page.waitForURL(url -> !url.contains("login"));
            page.navigate(base + "/meetings");
            Chromium.settle(page);
            page.getByText("Компания " + requester).first().waitFor();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/ui-load/fidelity.png")).setFullPage(true));
        }
        System.out.println("FIDELITY ok: Chromium, logged in as company " + partner + ", sees the request of company "
                + requester + " on its meetings page");
    }
}
