package org.b2bforum.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One browser tab speaking Vaadin Flow's client protocol over HTTP, as Chromium does (requests
 * recorded from a real Chromium on this application): the log-in form with Spring Security's CSRF
 * token, the page, {@code ?v-r=init}, then UIDL requests ({@code ?v-r=uidl}) with the UI's CSRF
 * token and the sync and client ids: {@code ui-navigate} events for links and the menu, {@code mSync}
 * of a property plus its DOM event for typed values and choices, {@code click} events, and
 * {@code confirmUpdate} after each data update of a grid or combo box. It keeps the server's state
 * tree (tag, attributes, properties, children of every node) to find elements by their id; it runs
 * no JavaScript, so what the server asks the browser to execute is ignored except those confirms (none for a grid
 * whose page switched them off, {@code ServerConfirmedGrids}: the server confirms at the next request).
 * With {@link #openPush} it also receives what the server pushes (bench/run-push).
 * One user, one thread, as a tab sends one request at a time; only the state tree is shared with the
 * push connection's thread (synchronized), and heartbeats may go from another thread.
 */
final class UidlClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean DEBUG_PUSH = Boolean.getBoolean("bench.debug-push");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");

    /** A node of the server's state tree. */
    static final class Node {
        final int id;
        String tag;
        final Map<String, JsonNode> properties = new HashMap<>();
        final Map<String, JsonNode> attributes = new HashMap<>();
        final List<Integer> children = new ArrayList<>();
        /** The text of a text node, or null. */
        String text;

        Node(int id) {
            this.id = id;
        }

        String property(String name) {
            JsonNode value = properties.get(name);
            return value == null || value.isNull() ? null : value.asString();
        }
    }

    /** The server refused or broke the conversation (not a refusal the page shows in words). */
    static final class ProtocolException extends RuntimeException {
        ProtocolException(String message) {
            super(message);
        }
    }

    private final HttpClient http;
    private final String base;
    /** Volatile: heartbeats may go from another thread than the tab's. */
    private volatile String sessionCookie;
    private String pushId;
    private WebSocket push;
    private int uiId = -1;
    private String uidlCsrf;
    private int syncId;
    private int clientId;
    private int promise;
    private int historyIndex;
    private final Map<Integer, Node> nodes = new HashMap<>();
    private final List<Integer> pendingConfirms = new ArrayList<>();
    /** Grids whose page switched the browser's confirmation off (the server confirms at the next request). */
    private final java.util.Set<Integer> serverConfirms = new java.util.HashSet<>();
    /** Where the server last sent the browser ({@code vaadin-navigate}), or null. */
    private String navigatedTo;
    /** The size of the last UIDL answer in bytes (UTF-8, uncompressed). */
    private int lastAnswerBytes;

    UidlClient(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    /** The log-in page as a browser opens it (page, init, first navigation), then the form's POST. */
    void logIn(String email, String password) {
        String html = get("/login");
        Matcher csrf = META_CSRF.matcher(html);
        if (!csrf.find()) {
            throw new ProtocolException("no CSRF token on the log-in page");
        }
        init("login");
        navigate("/login", "", "");
        String form = "_csrf=" + encode(csrf.group(1)) + "&username=" + encode(email) + "&password=" + encode(password);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new ProtocolException("log-in refused: " + response.statusCode() + " " + location);
        }
    }

    /** Opens the application at {@code route} as a new page load (the page, init, its navigation). */
    void open(String route) {
        get("/" + route);
        init(route);
        navigate("/" + route, "", "");
    }

    /** A click on a link or menu item to {@code route} (with {@code query} without '?'). */
    JsonNode navigate(String route, String query, String trigger) {
        ObjectNode data = JSON.createObjectNode();
        data.put("route", route);
        data.put("query", query);
        data.put("appShellTitle", "");
        ObjectNode state = data.putObject("historyState");
        state.putNull("usr");
        state.put("key", Integer.toHexString(historyIndex * 7919 + 17));
        state.put("idx", historyIndex++);
        data.put("trigger", trigger);
        return uidl(event(1, "ui-navigate", data));
    }

    /** A typed value committed (Enter or leaving the field): the value property and the change event. */
    JsonNode setValue(Node field, String value, String event) {
        ObjectNode sync = JSON.createObjectNode();
        sync.put("type", "mSync");
        sync.put("node", field.id);
        sync.put("feature", 1);
        sync.put("property", "value");
        sync.put("value", value);
        return uidl(sync, event(field.id, event, JSON.createObjectNode()));
    }

    JsonNode click(Node node) {
        ObjectNode data = JSON.createObjectNode();
        data.put("event.shiftKey", false);
        data.put("event.metaKey", false);
        data.put("event.detail", 1);
        data.put("event.ctrlKey", false);
        data.put("event.clientX", 400);
        data.put("event.clientY", 300);
        data.put("event.altKey", false);
        data.put("event.button", 0);
        data.put("event.screenY", 400);
        data.put("event.screenX", 410);
        return uidl(event(node.id, "click", data));
    }

    /**
     * A UIDL request without any RPC: Vaadin's whole request cycle and an answer, and nothing changed. The answer
     * must carry the next sync id (the server handled this request, not an earlier one's answer again).
     */
    void nothing() {
        int before = syncId;
        JsonNode answer = uidl();
        if (!answer.has("syncId") || answer.get("syncId").asInt() <= before) {
            throw new ProtocolException("a request without RPC not handled: " + abbreviate(answer.toString()));
        }
    }

    /** What a browser answers to the data updates of grids and combo boxes ({@code $connector.confirm}). */
    void confirmUpdates() {
        while (!pendingConfirms.isEmpty()) {
            List<JsonNode> rpcs = new ArrayList<>();
            for (int i = 0; i + 1 < pendingConfirms.size(); i += 2) {
                ObjectNode call = JSON.createObjectNode();
                call.put("type", "publishedEventHandler");
                call.put("node", pendingConfirms.get(i));
                call.put("templateEventMethodName", "confirmUpdate");
                call.putArray("templateEventMethodArgs").add(pendingConfirms.get(i + 1));
                call.put("promise", promise++);
                rpcs.add(call);
            }
            pendingConfirms.clear();
            CONFIRM_REQUESTS.incrementAndGet();
            uidl(rpcs.toArray(JsonNode[]::new));
        }
    }

    /** Vaadin's heartbeat, as an open tab sends it every five minutes. */
    void heartbeat() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/?v-r=heartbeat&v-uiId=" + uiId))
                .header("Content-Type", "text/plain;charset=UTF-8").POST(HttpRequest.BodyPublishers.noBody()).build());
        if (response.statusCode() != 200) {
            throw new ProtocolException("heartbeat answered " + response.statusCode());
        }
    }

    /** Whether a text node of the page contains {@code text}. */
    synchronized boolean showsText(String text) {
        return nodes.values().stream().anyMatch(n -> n.text != null && n.text.contains(text));
    }

    synchronized Optional<Node> byId(String id) {
        return nodes.values().stream()
                .filter(n -> n.attributes.containsKey("id") && id.equals(n.attributes.get("id").asString()))
                .findFirst();
    }

    /** The text under {@code root}: its text nodes in document order. */
    synchronized String text(Node root) {
        StringBuilder text = new StringBuilder();
        appendText(root, text);
        return text.toString();
    }

    private void appendText(Node node, StringBuilder text) {
        if (node.text != null) {
            text.append(node.text);
        }
        for (int child : node.children) {
            Node each = nodes.get(child);
            if (each != null) {
                appendText(each, text);
            }
        }
    }

    Node require(String id) {
        return byId(id).orElseThrow(() -> new ProtocolException("no element #" + id + " on the page"));
    }

    List<Node> byTag(String tag) {
        return nodes.values().stream().filter(n -> tag.equals(n.tag)).sorted((a, b) -> Integer.compare(a.id, b.id))
                .toList();
    }

    /** The elements with {@code tag} under {@code root} in the state tree, in document order. */
    List<Node> descendants(Node root, String tag) {
        List<Node> found = new ArrayList<>();
        collect(root, tag, found);
        return found;
    }

    private void collect(Node node, String tag, List<Node> found) {
        for (int child : node.children) {
            Node each = nodes.get(child);
            if (each != null) {
                if (tag.equals(each.tag)) {
                    found.add(each);
                }
                collect(each, tag, found);
            }
        }
    }

    /** The URL the last response sent the browser to, or null; cleared by each request. */
    /** The size of the last UIDL answer in bytes, as the server wrote it before any compression. */
    int lastAnswerBytes() {
        return lastAnswerBytes;
    }

    String navigatedTo() {
        return navigatedTo;
    }

    int nodeCount() {
        return nodes.size();
    }

    // ---- push ------------------------------------------------------------------------------

    /**
     * Opens the tab's push connection as Vaadin's client does (Atmosphere over a WebSocket, with its
     * protocol handshake and message lengths): {@code VAADIN/push?v-r=push&v-uiId=…&v-pushId=…}. Each
     * UIDL message the server pushes is applied to the state tree, then {@code onPush} runs, on the
     * WebSocket's thread; the tab should send no more UIDL requests of its own meanwhile.
     */
    void openPush(Runnable onPush) {
        if (pushId == null) {
            throw new ProtocolException("the page has no push (no Vaadin-Push-ID)");
        }
        String url = base.replaceFirst("^http", "ws") + "/VAADIN/push?v-r=push&v-uiId=" + uiId + "&v-pushId="
                + encode(pushId) + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=4.0.1"
                + "&X-Atmosphere-Transport=websocket&X-Atmosphere-TrackMessageSize=true"
                + "&Content-Type=" + encode("application/json; charset=UTF-8") + "&X-atmo-protocol=true";
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(60))
                .header("Cookie", "JSESSIONID=" + sessionCookie);
        try {
            push = builder.buildAsync(URI.create(url), new PushListener(onPush)).get(90, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ProtocolException("push connection: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProtocolException("interrupted");
        }
    }

    /** Whether the push connection is open. */
    boolean pushOpen() {
        return push != null && !push.isInputClosed();
    }

    void closePush() {
        if (push != null) {
            push.abort();
        }
    }

    /**
     * Reads Atmosphere's frames: each message is "length|text"; the first one is the handshake
     * (tracking id, heartbeat interval, padding), heartbeats are padding; the others are UIDL messages.
     */
    private final class PushListener implements WebSocket.Listener {

        private final Runnable onPush;
        private final StringBuilder buffer = new StringBuilder();
        private boolean handshakeSeen;

        PushListener(Runnable onPush) {
            this.onPush = onPush;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
            if (DEBUG_PUSH) {
                System.err.println("push closed: " + status + " " + reason);
            }
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            if (DEBUG_PUSH) {
                System.err.println("push failed: " + error);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            if (DEBUG_PUSH) {
                System.err.println("push frame (last=" + last + "): " + abbreviate(data.toString()));
            }
            buffer.append(data);
            String message;
            while ((message = nextMessage()) != null) {
                if (!handshakeSeen) {
                    handshakeSeen = true;
                    continue;
                }
                String text = message.startsWith("for(;;);") ? message.substring("for(;;);".length()) : message;
                if (text.startsWith("{") || text.startsWith("[")) {
                    JsonNode json = JSON.readTree(text);
                    apply(json.isArray() ? json.get(0) : json, true);
                    onPush.run();
                }
            }
            socket.request(1);
            return null;
        }

        /** The next whole message in the buffer, or null. */
        private String nextMessage() {
            // a heartbeat's padding may come without a length: skip to the next length
            while (!buffer.isEmpty() && !Character.isDigit(buffer.charAt(0))) {
                buffer.deleteCharAt(0);
            }
            int bar = buffer.indexOf("|");
            if (bar < 0) {
                return null;
            }
            int length;
            try {
                length = Integer.parseInt(buffer.substring(0, bar));
            } catch (NumberFormatException e) {
                buffer.delete(0, bar + 1);
                return nextMessage();
            }
            if (buffer.length() < bar + 1 + length) {
                return null;
            }
            String message = buffer.substring(bar + 1, bar + 1 + length);
            buffer.delete(0, bar + 1 + length);
            return message;
        }
    }

    // ---- protocol --------------------------------------------------------------------------

    private void init(String location) {
        String json = get("/?v-r=init&location=" + encode(location) + "&query=&v-sh=900&v-sw=1280&v-wh=900&v-ww=1280"
                + "&v-bh=900&v-bw=1280&v-curdate=" + System.currentTimeMillis() + "&v-tzo=-180&v-dstd=0&v-rtzo=-180"
                + "&v-dston=false&v-tzid=Europe%2FMoscow&v-wn=v-" + Math.random() + "&v-td=false&v-pr=1"
                + "&v-np=Linux%20x86_64&v-cs=light&v-pv=VISIBLE&v-fs=NOT_FULLSCREEN&v-so=landscape-primary&v-soa=0"
                + "&v-tn=lumo&v-ga=PROMPT&v-wla=SUPPORTED&v-ws=false");
        JsonNode config = JSON.readTree(json).get("appConfig");
        if (config == null) {
            throw new ProtocolException("init without appConfig: " + abbreviate(json));
        }
        uiId = config.get("v-uiId").asInt();
        nodes.clear();
        pendingConfirms.clear();
        serverConfirms.clear();
        historyIndex = 0;
        promise = 0;
        JsonNode uidl = config.get("uidl");
        uidlCsrf = uidl.get("Vaadin-Security-Key").asString();
        pushId = uidl.has("Vaadin-Push-ID") ? uidl.get("Vaadin-Push-ID").asString() : null;
        apply(uidl);
    }

    private JsonNode uidl(JsonNode... rpcs) {
        ObjectNode body = JSON.createObjectNode();
        body.put("csrfToken", uidlCsrf);
        ArrayNode rpc = body.putArray("rpc");
        for (JsonNode each : rpcs) {
            rpc.add(each);
        }
        body.put("syncId", syncId);
        body.put("clientId", clientId);
        navigatedTo = null;
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        if (response.statusCode() != 200) {
            // the body tells a 503 of DatabaseUnavailableFilter (its page) from other error answers
            throw new ProtocolException("UIDL answered " + response.statusCode() + ": " + bodyStart(response.body()));
        }
        String text = response.body();
        lastAnswerBytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (text.startsWith("for(;;);")) {
            text = text.substring("for(;;);".length());
        }
        JsonNode json = JSON.readTree(text);
        if (json.isArray()) {
            json = json.get(0);
        }
        apply(json);
        return json;
    }

    private void apply(JsonNode uidl) {
        apply(uidl, false);
    }

    /** Applies a UIDL message; {@code meta.async} marks a pushed one, unexpected in an answer. */
    private synchronized void apply(JsonNode uidl, boolean pushed) {
        JsonNode meta = uidl.get("meta");
        if (meta != null && (meta.has("sessionExpired") || meta.has("appError") || !pushed && meta.has("async"))) {
            throw new ProtocolException("server says " + abbreviate(meta.toString()));
        }
        if (uidl.has("syncId")) {
            syncId = uidl.get("syncId").asInt();
        }
        if (uidl.has("clientId")) {
            clientId = uidl.get("clientId").asInt();
        }
        JsonNode changes = uidl.get("changes");
        if (changes != null) {
            for (JsonNode change : changes) {
                applyChange(change);
            }
        }
        JsonNode execute = uidl.get("execute");
        if (execute != null) {
            for (JsonNode call : execute) {
                String script = call.get(call.size() - 1).asString();
                if ((script.contains("// ServerConfirmedGrids:") || script.contains("$server.confirmUpdate = function() {}"))
                        && call.size() >= 2) {
                    serverConfirms.add(call.get(0).get("@v-node").asInt());
                } else if (script.contains("$connector.confirm($1)") && call.size() >= 3
                        && !serverConfirms.contains(call.get(0).get("@v-node").asInt())) {
                    pendingConfirms.add(call.get(0).get("@v-node").asInt());
                    pendingConfirms.add(call.get(1).asInt());
                } else if (script.contains("'vaadin-navigate'") && call.size() >= 2) {
                    navigatedTo = call.get(1).asString();
                }
            }
        }
    }

    private void applyChange(JsonNode change) {
        int id = change.get("node").asInt();
        String type = change.get("type").asString();
        if (type.equals("detach")) {
            nodes.remove(id);
            serverConfirms.remove(id);
            return;
        }
        Node node = nodes.computeIfAbsent(id, Node::new);
        int feature = change.has("feat") ? change.get("feat").asInt() : -1;
        switch (type) {
            case "put" -> {
                String key = change.get("key").asString();
                JsonNode value = change.has("value") ? change.get("value") : change.get("nodeValue");
                switch (feature) {
                    case 0 -> {
                        if (key.equals("tag")) {
                            node.tag = value.asString();
                        }
                    }
                    case 1 -> node.properties.put(key, value);
                    case 3 -> node.attributes.put(key, value);
                    case 7 -> {
                        if (key.equals("text")) {
                            node.text = value.asString();
                        }
                    }
                    default -> { }
                }
            }
            case "remove" -> {
                String key = change.get("key").asString();
                if (feature == 1) {
                    node.properties.remove(key);
                } else if (feature == 3) {
                    node.attributes.remove(key);
                }
            }
            case "splice" -> {
                if (feature == 2) {
                    int index = change.get("index").asInt();
                    int remove = change.has("remove") ? change.get("remove").asInt() : 0;
                    for (int i = 0; i < remove && index < node.children.size(); i++) {
                        node.children.remove(index);
                    }
                    if (change.has("addNodes")) {
                        List<Integer> added = new ArrayList<>();
                        change.get("addNodes").forEach(n -> added.add(n.asInt()));
                        node.children.addAll(Math.min(index, node.children.size()), added);
                    }
                }
            }
            case "clear" -> {
                if (feature == 2) {
                    node.children.clear();
                }
            }
            default -> { }
        }
    }

    private static ObjectNode event(int node, String name, JsonNode data) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("type", "event");
        event.put("node", node);
        event.put("event", name);
        event.set("data", data);
        return event;
    }

    private String get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET().build());
        if (response.statusCode() != 200) {
            throw new ProtocolException("GET " + path + " answered " + response.statusCode() + ": "
                    + bodyStart(response.body()));
        }
        return response.body();
    }

    /** HTTP requests every client has sent, and of them the grids' {@code confirmUpdate}s (counted apart). */
    static final java.util.concurrent.atomic.AtomicLong REQUESTS = new java.util.concurrent.atomic.AtomicLong();
    static final java.util.concurrent.atomic.AtomicLong CONFIRM_REQUESTS = new java.util.concurrent.atomic.AtomicLong();

    private HttpResponse<String> send(HttpRequest request) {
        REQUESTS.incrementAndGet();
        HttpRequest.Builder builder = HttpRequest.newBuilder(request, (name, value) -> true)
                .timeout(Duration.ofSeconds(60));
        if (sessionCookie != null) {
            builder.header("Cookie", "JSESSIONID=" + sessionCookie);
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                Matcher m = SESSION_COOKIE.matcher(cookie);
                if (m.find()) {
                    sessionCookie = m.group(1);
                }
            }
            return response;
        } catch (IOException e) {
            throw new ProtocolException(request.method() + " " + request.uri().getPath() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProtocolException("interrupted");
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The first ~200 characters of an error answer's body, its white space (the page's lines) run together. */
    private static String bodyStart(String body) {
        String text = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
