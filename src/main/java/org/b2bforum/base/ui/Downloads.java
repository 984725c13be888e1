package org.b2bforum.base.ui;

import org.b2bforum.base.database.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.InputStreamDownloadCallback;
import com.vaadin.flow.server.streams.InputStreamDownloadHandler;

/**
 * Files made at the click (the results report, exports) that tell the page when they cannot be made. A link that
 * downloads and gets an error leaves the page as it was, the browser's download list at most saying "failed": with
 * the database away the office clicked "Скачать отчёт (PDF)" and nothing happened (seen in Chromium, ux61).
 */
public final class Downloads {

    private static final Logger log = LoggerFactory.getLogger(Downloads.class);

    private Downloads() {
    }

    /**
     * As {@link DownloadHandler#fromInputStream}, but a file that cannot be made is answered with an error status
     * and the page that asked shows why in words: the database away ("temporarily unavailable"), or anything else.
     */
    public static InputStreamDownloadHandler toldOnFailure(InputStreamDownloadCallback callback) {
        return DownloadHandler.fromInputStream(event -> {
            try {
                return callback.complete(event);
            } catch (Exception e) {
                boolean away = DatabaseUnavailable.isCause(e);
                if (away) {
                    log.warn("Database unavailable for a download: {}", e.toString());
                } else {
                    log.error("A download could not be made", e);
                }
                UI ui = event.getUI();
                if (ui != null) {
                    // the download's request holds no lock of the page; the notice reaches it by push
                    ui.accessSynchronously(() -> Notices.error(away
                            ? ui.getTranslation("unavailable.title") + " " + ui.getTranslation("unavailable.message")
                            : ui.getTranslation("error.action-message")));
                }
                return DownloadResponse.error(away ? 503 : 500);
            }
        });
    }
}
