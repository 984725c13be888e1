package org.b2bforum;

import java.util.Map;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

// live updates (LiveUpdates): WebSocket, falling back to long polling where a proxy refuses it
@Push
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/forum.css")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    /** The forum's icon in the browser tab (favicon.ico next to it serves browsers that ask for that name). */
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addLink("icons/favicon.svg", Map.of("rel", "icon", "type", "image/svg+xml"));
    }
}
