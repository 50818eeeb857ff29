package org.serialgen.fakeerp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An ERP as erp-sync-service's pull connector sees it, in memory: work orders, each with the instant it last changed,
 * served page by page in that order (a work order that changes while someone pages moves to the end, so it can appear
 * twice, as in a real ERP); serialization confirmations, kept once per event id; and the ways a real ERP fails, on
 * demand — away, slow, refusing the token, failing, answering garbage.
 */
public final class FakeErp implements AutoCloseable {

    /** How the ERP misbehaves, for the next calls of the work-order API. */
    public enum Trouble {
        NONE,
        /** 401, as for an expired token. */
        UNAUTHORIZED,
        /** 500. */
        SERVER_ERROR,
        /** Waits {@link #slowness}, then answers 503: a caller with a shorter timeout sees no answer. */
        SLOW,
        /** Waits {@link #slowness}, then answers as it should: a call that takes its time. */
        DELAY,
        /** 200 with a body that is not a page. */
        GARBAGE_PAGE
    }

    public static final ObjectMapper JSON = new ObjectMapper();

    private final String token;
    private final Map<String, ObjectNode> workOrders = new ConcurrentHashMap<>();
    /** The wo_ids by the instant they last changed (unique: changes are strictly ordered), for paging. */
    private final NavigableMap<Instant, String> byChange = new TreeMap<>();
    private final Map<String, JsonNode> confirmations = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger confirmationsToRefuse = new AtomicInteger();
    private volatile Trouble trouble = Trouble.NONE;
    private volatile int troubleCalls;
    private volatile int goodCallsFirst;
    private volatile Duration slowness = Duration.ofSeconds(30);
    private volatile Instant lastChange = Instant.EPOCH;
    private int port;
    private HttpServer server;

    private FakeErp(String token) {
        this.token = token;
    }

    /** Starts on {@code port} (0: a free one), answering only callers with {@code Bearer <token>}. */
    public static FakeErp start(int port, String token) {
        FakeErp erp = new FakeErp(token);
        erp.listen(port);
        return erp;
    }

    private synchronized void listen(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 64);
        } catch (IOException e) {
            throw new IllegalStateException("the fake ERP cannot listen on " + onPort, e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8, task -> {
            Thread thread = new Thread(task, "fake-erp");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
        port = server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The ERP goes away: connections are refused until {@link #comeBack()}. */
    public synchronized void goAway() {
        server.stop(0);
    }

    public synchronized void comeBack() {
        listen(port);
    }

    /** The next {@code calls} calls of the work-order API misbehave so (SLOW and DELAY wait {@link #slowness}). */
    public void trouble(Trouble kind, int calls) {
        trouble(kind, calls, 0);
    }

    /** As {@link #trouble(Trouble, int)}, after {@code goodCalls} calls answered as they should. */
    public synchronized void trouble(Trouble kind, int calls, int goodCalls) {
        this.goodCallsFirst = goodCalls;
        this.troubleCalls = calls;
        this.trouble = kind;
    }

    public void slowness(Duration wait) {
        this.slowness = wait;
    }

    /** The next {@code count} confirmations are answered 500: the sender must try again. */
    public void refuseConfirmations(int count) {
        confirmationsToRefuse.set(count);
    }

    /** Adds or changes a valid work order; it changed now. */
    public void put(String woId, String name, String gtin, String lot, String expiry, long quantity) {
        ObjectNode record = JSON.createObjectNode().put("wo_id", woId).put("wo_name", name).put("gtin", gtin)
            .put("lot", lot).put("expiry", expiry).put("quantity", quantity);
        putRaw(woId, record);
    }

    /** Adds or changes a work order as given, valid or not ({@code changed_at} is set to now). */
    public synchronized void putRaw(String woId, ObjectNode record) {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        // changes are strictly ordered, even within one clock tick
        lastChange = now.isAfter(lastChange) ? now : lastChange.plusNanos(1000);
        ObjectNode stored = record.deepCopy();
        stored.put("changed_at", lastChange.toString());
        forget(workOrders.put(woId, stored));
        byChange.put(lastChange, woId);
    }

    public synchronized void remove(String woId) {
        forget(workOrders.remove(woId));
    }

    private void forget(ObjectNode replaced) {
        if (replaced != null) {
            byChange.remove(changedAt(replaced));
        }
    }

    /** The confirmations received, one per event id, in no particular order. */
    public List<JsonNode> confirmations() {
        return List.copyOf(confirmations.values());
    }

    /** Every request received, as "METHOD path?query". */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
            if (path.startsWith("/_admin/")) {
                admin(exchange, path);
                return;
            }
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"error\":\"unauthorized\"}");
                return;
            }
            if (path.equals("/health")) {
                send(exchange, 200, "{\"status\":\"UP\"}");
                return;
            }
            if (path.startsWith("/workorders") && misbehave(exchange)) {
                return;
            }
            if (path.equals("/workorders") && "GET".equals(exchange.getRequestMethod())) {
                page(exchange, parameters(query));
            } else if (path.matches("/workorders/[^/]+/serialization") && "POST".equals(exchange.getRequestMethod())) {
                confirm(exchange);
            } else if (path.matches("/workorders/[^/]+") && "GET".equals(exchange.getRequestMethod())) {
                ObjectNode record = workOrders.get(URLDecoder.decode(path.substring("/workorders/".length()),
                    StandardCharsets.UTF_8));
                send(exchange, record == null ? 404 : 200, record == null ? "{\"error\":\"not_found\"}"
                    : JSON.writeValueAsString(record));
            } else {
                send(exchange, 404, "{\"error\":\"not_found\"}");
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    /** Answers the way the ERP is set to misbehave, if it is; true when it did. */
    private boolean misbehave(HttpExchange exchange) throws IOException {
        Trouble now;
        synchronized (this) {
            if (trouble == Trouble.NONE || troubleCalls <= 0) {
                return false;
            }
            if (goodCallsFirst > 0) {
                goodCallsFirst--;
                return false;
            }
            now = trouble;
            if (--troubleCalls == 0) {
                trouble = Trouble.NONE;
            }
        }
        switch (now) {
            case UNAUTHORIZED -> send(exchange, 401, "{\"error\":\"token expired\"}");
            case SERVER_ERROR -> send(exchange, 500, "{\"error\":\"internal\"}");
            case GARBAGE_PAGE -> send(exchange, 200, "<html>maintenance</html>");
            case SLOW -> {
                pause();
                send(exchange, 503, "{\"error\":\"slow\"}");
            }
            case DELAY -> {
                pause();
                return false;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void pause() {
        try {
            Thread.sleep(slowness.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A page of work orders changed after {@code changed_since}, in changed_at order, from the token's position. */
    private void page(HttpExchange exchange, Map<String, String> query) throws IOException {
        int limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : 100;
        if (limit < 1 || limit > 1000) {
            send(exchange, 400, "{\"error\":\"limit must be 1..1000\"}");
            return;
        }
        Instant since = query.containsKey("changed_since") ? Instant.parse(query.get("changed_since")) : null;
        Instant after = query.containsKey("page_token") ? Instant.parse(new String(
            Base64.getUrlDecoder().decode(query.get("page_token")), StandardCharsets.UTF_8)) : null;
        Instant from = since == null ? after : after == null || since.isAfter(after) ? since : after;
        List<ObjectNode> items = new ArrayList<>(limit);
        boolean more;
        synchronized (this) {
            var changed = (from == null ? byChange : byChange.tailMap(from, false)).values().iterator();
            while (items.size() < limit && changed.hasNext()) {
                items.add(workOrders.get(changed.next()));
            }
            more = changed.hasNext();
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode array = body.putArray("items");
        items.forEach(array::add);
        if (more) {
            String last = changedAt(items.get(items.size() - 1)).toString();
            body.put("next_page_token", Base64.getUrlEncoder().withoutPadding()
                .encodeToString(last.getBytes(StandardCharsets.UTF_8)));
        } else {
            body.putNull("next_page_token");
        }
        send(exchange, 200, JSON.writeValueAsString(body));
    }

    private static Instant changedAt(ObjectNode record) {
        return Instant.parse(record.path("changed_at").asText());
    }

    private void confirm(HttpExchange exchange) throws IOException {
        JsonNode confirmation = JSON.readTree(exchange.getRequestBody());
        if (confirmationsToRefuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            send(exchange, 500, "{\"error\":\"try again\"}");
            return;
        }
        confirmations.putIfAbsent(confirmation.path("event_id").asText(), confirmation);
        send(exchange, 204, null);
    }

    /** For a person trying the demo (no token): add or change work orders, read the confirmations. */
    private void admin(HttpExchange exchange, String path) throws IOException {
        if (path.equals("/_admin/workorders") && "POST".equals(exchange.getRequestMethod())) {
            try (InputStream body = exchange.getRequestBody()) {
                ObjectNode record = (ObjectNode) JSON.readTree(body);
                putRaw(record.path("wo_id").asText(), record);
                send(exchange, 200, JSON.writeValueAsString(workOrders.get(record.path("wo_id").asText())));
            }
        } else if (path.equals("/_admin/generate") && "POST".equals(exchange.getRequestMethod())) {
            Map<String, String> query = parameters(exchange.getRequestURI().getRawQuery());
            int count = Integer.parseInt(query.getOrDefault("count", "1000"));
            DemoWorkOrders.generated(this, query.getOrDefault("prefix", "WO-BENCH"), count);
            send(exchange, 200, "{\"generated\":" + count + "}");
        } else if (path.equals("/_admin/confirmations")) {
            send(exchange, 200, JSON.writeValueAsString(confirmations()));
        } else {
            send(exchange, 404, "{\"error\":\"not_found\"}");
        }
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public synchronized void close() {
        server.stop(0);
    }
}
