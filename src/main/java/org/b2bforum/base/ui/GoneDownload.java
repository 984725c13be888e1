package org.b2bforum.base.ui;

import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadResponse;

/**
 * A download link whose file is of something another user may remove after the page showed the link (a delegate their
 * company took off its list): the download's own request has no page to answer in, so the page is told in words by
 * server push, and the browser gets 410 Gone instead of a file. Not an exception out of the download handler, which
 * Vaadin answers 500 and logs with its trace.
 */
public final class GoneDownload {

    private GoneDownload() {
    }

    /**
     * The PDF that {@code pdf} makes, named {@code fileName}; when it throws {@code gone}, the page ({@code ui}, when
     * there is one) shows {@code words} as a warning and runs {@code then} (reads its list again), and the answer is
     * 410 Gone. Any other failure is thrown on: the link's {@link Downloads#toldOnFailure} tells the page.
     */
    public static DownloadResponse pdf(String fileName, Supplier<byte[]> pdf, Class<? extends RuntimeException> gone,
            UI ui, Supplier<String> words, Runnable then) {
        return file(fileName, "application/pdf", pdf, gone, ui, words, then);
    }

    /** As {@link #pdf}, for a file of any {@code contentType} (a calendar, review62). */
    public static DownloadResponse file(String fileName, String contentType, Supplier<byte[]> file,
            Class<? extends RuntimeException> gone, UI ui, Supplier<String> words, Runnable then) {
        try {
            byte[] bytes = file.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, contentType, bytes.length);
        } catch (RuntimeException e) {
            if (!gone.isInstance(e)) {
                throw e;
            }
            if (ui != null) {
                ui.access(() -> {
                    Notices.warning(words.get());
                    then.run();
                });
            }
            return DownloadResponse.error(HttpStatusCode.GONE);
        }
    }
}
