package io.caravan.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP/1.1 server on 127.0.0.1 that answers with exactly the bytes a test writes, for shapes the
 * sandbox does not make: a JSON text with numbers no double holds, a body that drips a byte at a
 * time, megabytes of headers. Each connection is served on its own thread, one request per
 * connection ({@code Connection: close}); every request target is recorded.
 */
public final class ScriptedServer implements AutoCloseable {

    /** What the server writes for one request. */
    @FunctionalInterface
    public interface Reply {
        /** Writes the whole response for the request {@code target} (path and query). */
        void write(String target, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Reply reply;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "scripted-server");
        thread.setDaemon(true);
        return thread;
    });

    private ScriptedServer(Reply reply) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.reply = reply;
        connections.execute(this::accept);
    }

    /** A server answering every request with {@code reply}. */
    public static ScriptedServer start(Reply reply) throws IOException {
        return new ScriptedServer(reply);
    }

    /** A complete JSON response with {@code body} and extra header lines ({@code Name: value\r\n} each). */
    public static void json(OutputStream out, String extraHeaders, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n" + extraHeaders + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    /** {@code http://127.0.0.1:port}. */
    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The request targets received, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() throws Exception {
        server.close();
        open.forEach(ScriptedServer::closeQuietly);
        connections.shutdownNow();
        connections.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                open.add(socket);
                connections.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String requestLine = in.readLine();
            if (requestLine == null) {
                return;
            }
            for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                // headers are not needed by any script
            }
            String target = requestLine.split(" ")[1];
            requests.add(target);
            reply.write(target, socket.getOutputStream());
        } catch (IOException | InterruptedException gone) {
            // the client went away, or the server closes
        } finally {
            open.remove(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
