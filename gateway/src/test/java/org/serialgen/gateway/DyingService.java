package org.serialgen.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A service that starts every answer — 200, chunked, the first rows of a report — and dies before the end: the
 * connection closes without the last chunk, as when a service is killed mid-download.
 */
final class DyingService {

    static final String FIRST_ROWS = "serial\n0001\n0002\n";

    private DyingService() {
    }

    /** Listens on a free port of 127.0.0.1 for as long as the JVM runs; the port. */
    static int start() {
        ServerSocket server;
        try {
            server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    readHead(socket.getInputStream());
                    OutputStream out = socket.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(FIRST_ROWS.length()) + "\r\n" + FIRST_ROWS + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // the next caller
                }
            }
        }, "dying-service");
        thread.setDaemon(true);
        thread.start();
        return server.getLocalPort();
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }
}
