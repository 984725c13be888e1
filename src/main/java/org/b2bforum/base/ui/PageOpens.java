package org.b2bforum.base.ui;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.b2bforum.base.web.UrgentWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinRequestInterceptor;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;

/**
 * Opening a page (a navigation of the router: the view built or shown again, its reads, the whole view sent to the
 * browser) gives way to urgent work and takes turns. While booking clicks queue for their turns ({@link UrgentWork})
 * no page starts opening, for at most {@code b2bforum.ui.page-opens.urgent-wait}; and at most
 * {@code b2bforum.ui.page-opens.concurrent} pages open at once on the node, first come first served, each holding its
 * place until its HTTP request ends, for at most {@code b2bforum.ui.page-opens.queue-wait} of waiting (then it opens
 * anyway: nothing is refused here). What happens on a page already open (a search, a click, a value typed) does not
 * wait.
 * <p>
 * Why: at the booking window's rush 200 users press "Send" at once, and each who has its answer opens the directory.
 * Those page openings were most of the rush's CPU (a router navigation and its answer, about 12 ms each against the
 * booking's 2), and the booking turns' round trips to the database waited for a core behind them; with a few pages
 * opening at a time instead of a hundred, a search on an open page also no longer waits behind all of them
 * (bench/README.md, issue 17). Equal pieces of work served in turn also end sooner on average than all at once.
 * <p>
 * Only navigations within an HTTP request that Vaadin handles take part ({@link VaadinRequestInterceptor} marks
 * the request and gives its place back at its end); a navigation elsewhere (a test without requests, a task run
 * by a background thread) is not held up. A page waiting holds its Vaadin session's lock and a request thread: the
 * same browser's other requests (another tab's click) wait with it, which is why both waits are bounded.
 */
@Component
class PageOpens implements VaadinServiceInitListener {

    private final UrgentWork urgent;
    private final int capacity;
    private final Semaphore places;
    private final Duration urgentWait;
    private final Duration queueWait;
    private final ThreadLocal<Request> request = new ThreadLocal<>();

    /** An HTTP request Vaadin handles on this thread, and whether it holds a place. */
    private static final class Request {
        boolean admitted;
        boolean holdsPlace;
    }

    PageOpens(UrgentWork urgent,
            @Value("${b2bforum.ui.page-opens.concurrent:0}") int concurrent,
            @Value("${b2bforum.ui.page-opens.urgent-wait:2s}") Duration urgentWait,
            @Value("${b2bforum.ui.page-opens.queue-wait:10s}") Duration queueWait) {
        this.urgent = urgent;
        // 0: four per processor: a page open waits for the database between its reads, and on a busy machine each of
        // those waits is long; with two per processor the rush's directory openings took 5-16 s instead of ~1.5 s
        // (pages served in turns, each slowed by its round trips). Enough to keep 200 openings from running at once.
        this.capacity = concurrent > 0 ? concurrent : 4 * Runtime.getRuntime().availableProcessors();
        this.places = new Semaphore(capacity, true);
        this.urgentWait = urgentWait;
        this.queueWait = queueWait;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addVaadinRequestInterceptor(new VaadinRequestInterceptor() {
            @Override
            public void requestStart(VaadinRequest vaadinRequest, VaadinResponse response) {
                started();
            }

            @Override
            public void handleException(VaadinRequest vaadinRequest, VaadinResponse response, VaadinSession session,
                    Exception exception) {
                // the request still ends (requestEnd), which gives the place back
            }

            @Override
            public void requestEnd(VaadinRequest vaadinRequest, VaadinResponse response, VaadinSession session) {
                ended();
            }
        });
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(enter -> admit()));
    }

    /** An HTTP request begins on this thread. */
    void started() {
        request.set(new Request());
    }

    /**
     * A page is about to open: waits while urgent work waits or runs, then for a place (each at most its time). Once
     * per request: a navigation forwarded or rerouted within the same request does not wait again.
     */
    void admit() {
        Request current = request.get();
        if (current == null || current.admitted) {
            return;
        }
        current.admitted = true;
        urgent.awaitCalm(urgentWait);
        try {
            current.holdsPlace = places.tryAcquire(queueWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The HTTP request on this thread ends: its place, if it held one, goes to the next page waiting. */
    void ended() {
        Request current = request.get();
        request.remove();
        if (current != null && current.holdsPlace) {
            places.release();
        }
    }

    /** Pages opening now (for tests). */
    int opening() {
        return capacity - places.availablePermits();
    }
}
