package org.impactledger.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlainHttpTest {

    private HttpServer server;
    private PlainHttp http;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/echo", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String answer = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("X-Test")
                    + " " + new String(body, StandardCharsets.UTF_8);
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.createContext("/chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0); // 0: chunked
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 3; i++) {
                    out.write(("part" + i + "é").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        });
        server.createContext("/close", exchange -> {
            exchange.getResponseHeaders().add("Connection", "close");
            exchange.sendResponseHeaders(409, -1); // -1: no body
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        http = new PlainHttp(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), Duration.ofMillis(500));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void sendsHeadersAndBodyAndReadsByContentLengthOnOneConnection() throws IOException {
        for (int i = 0; i < 3; i++) {
            PlainHttp.Answer answer = http.exchange("POST", "/echo?n=" + i, Map.of("X-Test", "yes", "Content-Type", "application/json"),
                    "{\"a\":\"ü\"}");
            assertEquals(201, answer.status());
            assertEquals("POST /echo?n=" + i + " yes {\"a\":\"ü\"}", answer.body());
        }
    }

    @Test
    void readsChunkedAnswers() throws IOException {
        PlainHttp.Answer answer = http.exchange("GET", "/chunked", Map.of(), null);
        assertEquals(200, answer.status());
        assertEquals("part0épart1épart2é", answer.body());
        assertEquals(201, http.exchange("POST", "/echo", Map.of(), "x").status());
    }

    @Test
    void aConnectionTheServerClosesIsOpenedAgainForTheNextRequest() throws IOException {
        assertEquals(409, http.exchange("POST", "/close", Map.of(), "").status());
        assertEquals(201, http.exchange("POST", "/echo", Map.of(), "again").status());
    }

    @Test
    void aSlowAnswerTimesOut() {
        assertThrows(SocketTimeoutException.class, () -> http.exchange("GET", "/slow", Map.of(), null));
    }
}
