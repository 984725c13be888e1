package org.b2bforum.base.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.catalina.connector.Connector;
import org.b2bforum.RunningServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * The booking window's rush at the running application's connector (the same context as the browser journeys). Apart
 * from {@link OperationsIT}, whose checks run beside the other classes: this one alone stops the server accepting.
 */
// alone: while the connector is paused, no other class's browser gets an answer
@Isolated
@RunningServerTest
class ConnectionRushIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void threeHundredBrowsersConnectingAtOnceAllGetAConnectionWhileTheServerIsTooBusyToAcceptThem() throws Exception {
        // the booking window's rush: hundreds of new connections in the same moment, while Tomcat's acceptor waits for a
        // core (here: paused). The kernel holds them in the accept queue; past it, it drops them and each browser waits a
        // second for its next handshake (Tomcat's default queue of 100; issue 17)
        Connector connector = ((TomcatWebServer) ((WebServerApplicationContext) context).getWebServer()).getTomcat()
                .getConnector();
        List<Socket> sockets = new ArrayList<>();
        connector.pause();
        try {
            List<Future<Socket>> connecting = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 300; i++) {
                    connecting.add(threads.submit(() -> {
                        Socket socket = new Socket();
                        try {
                            socket.connect(new InetSocketAddress("localhost", port), 500);
                        } catch (IOException e) {
                            socket.close();
                            return null;
                        }
                        return socket;
                    }));
                }
            }
            for (Future<Socket> each : connecting) {
                if (each.get() != null) {
                    sockets.add(each.get());
                }
            }
            // the kernel caps any accept queue at net.core.somaxconn (4096 since Linux 5.4; 128 before); readString
            // reads procfs files short (their size is 0), readAllLines does not
            int cap = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/core/somaxconn")).get(0).trim());
            assertThat(sockets).hasSize(Math.min(300, cap + 1));
        } finally {
            connector.resume();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    }

}
