package org.impactledger.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * A blocking HTTP/1.1 client over plain sockets for the generator's small requests: one keep-alive
 * connection per calling thread, the request written in one buffer, the answer read by its
 * {@code Content-Length} or chunks. The JDK's {@code HttpClient} costs the generator about a
 * quarter of a millisecond of CPU per request on this machine (its selector thread, futures and
 * header maps), and the generator shares the two cores with what it measures; pgbench's client is
 * lean C. Nothing here is clever: no pipelining, no TLS, no redirects, loopback only.
 */
final class PlainHttp {

    private final String host;
    private final int port;
    private final String hostHeader;
    private final int timeoutMillis;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();

    PlainHttp(URI base, Duration timeout) {
        this.host = base.getHost();
        this.port = base.getPort() < 0 ? 80 : base.getPort();
        this.hostHeader = host + ":" + port;
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }

    /** An answer: status and body; an I/O failure or timeout comes back as an {@link IOException}. */
    record Answer(int status, String body) {
    }

    /**
     * Sends one request and reads its answer. A request on a kept-alive connection that the server
     * had closed meanwhile is sent once more on a new connection; any other failure is thrown.
     */
    Answer exchange(String method, String pathAndQuery, Map<String, String> headers, String body) throws IOException {
        byte[] request = request(method, pathAndQuery, headers, body);
        Connection connection = connections.get();
        boolean reused = connection != null;
        if (connection == null) {
            connection = open();
        }
        try {
            return connection.exchange(request);
        } catch (SocketTimeoutException e) {
            close(connection);
            throw e;
        } catch (Stale e) {
            close(connection);
            if (!reused) {
                throw e;
            }
            return open().exchange(request);
        } catch (IOException e) {
            close(connection);
            throw e;
        }
    }

    /** The kept-alive connection was closed before any byte of the answer came: the server never read the request. */
    private static final class Stale extends IOException {
        Stale(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Connection open() throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(timeoutMillis);
        Connection connection = new Connection(socket);
        connections.set(connection);
        return connection;
    }

    private void close(Connection connection) {
        connections.remove();
        try {
            connection.socket.close();
        } catch (IOException ignored) {
            // already broken
        }
    }

    private byte[] request(String method, String pathAndQuery, Map<String, String> headers, String body) {
        byte[] content = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\nHost: ")
                .append(hostHeader).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (content != null || method.equals("POST")) {
            head.append("Content-Length: ").append(content == null ? 0 : content.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        if (content == null) {
            return start;
        }
        byte[] all = new byte[start.length + content.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(content, 0, all, start.length, content.length);
        return all;
    }

    private final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        Answer exchange(byte[] request) throws IOException {
            int first;
            try {
                out.write(request);
                out.flush();
                first = in.read();
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                throw new Stale("the connection broke before the answer", e);
            }
            if (first < 0) {
                throw new Stale("the connection was closed before the answer", null);
            }
            String statusLine = (char) first + line();
            if (!statusLine.startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closeAfter = statusLine.startsWith("HTTP/1.0");
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                    default -> {
                    }
                }
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream(length > 0 && length < 1 << 20 ? (int) length : 512);
            if (chunked) {
                for (long size = Long.parseLong(chunkSize(line()), 16); size > 0; size = Long.parseLong(chunkSize(line()), 16)) {
                    copy(size, content);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                copy(length, content);
            } else if (status != 204 && status != 304) {
                in.transferTo(content);
                closeAfter = true;
            }
            if (closeAfter) {
                close(this);
            }
            return new Answer(status, content.toString(StandardCharsets.UTF_8));
        }

        private String chunkSize(String line) {
            int semicolon = line.indexOf(';');
            return (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
        }

        private void copy(long length, ByteArrayOutputStream to) throws IOException {
            byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, length))];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new EOFException("the answer ended " + left + " bytes early");
                }
                to.write(buffer, 0, n);
                left -= n;
            }
        }

        /** A line without its CR LF; ISO-8859-1, as HTTP's head is. */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) b);
            }
            throw new EOFException("the connection closed mid-answer");
        }
    }
}
