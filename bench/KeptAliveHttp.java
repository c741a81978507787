import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The load generator's HTTP/1.1 client: one kept-alive connection per thread (each benchmark conversation runs on a
 * thread of its own), blocking reads and writes, no executor hops. The JDK's HttpClient took 1.1–2.9 ms of CPU per
 * request on the same two cores as the stack it measured; this takes a fraction of that (docs/benchmarks.md).
 * Enough of HTTP for the benchmark's own requests: a JSON POST, an answer with Content-Length or chunked.
 */
final class KeptAliveHttp {

    record Response(int status, String body) {
    }

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();

    KeptAliveHttp(String baseUrl, int timeoutMillis) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 80 : uri.getPort();
        this.timeoutMillis = timeoutMillis;
    }

    /** POSTs a JSON body; a connection the server closed meanwhile is opened again once. */
    Response post(String path, Map<String, String> headers, String json) throws IOException {
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(host)
                .append(':').append(port).append("\r\nContent-Type: application/json\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] request = concat(head.toString().getBytes(StandardCharsets.UTF_8), body);
        Connection connection = connections.get();
        if (connection != null) {
            try {
                return connection.exchange(request);
            } catch (IOException stale) {
                connection.close();
            }
        }
        connection = new Connection(host, port, timeoutMillis);
        connections.set(connection);
        return connection.exchange(request);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static final class Connection {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Connection(String host, int port, int timeoutMillis) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        Response exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            if (statusLine.isEmpty()) {
                throw new IOException("connection closed");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Integer.parseInt(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    close = value.equalsIgnoreCase("close");
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers, if any
                }
            } else if (length >= 0) {
                body.write(in.readNBytes(length));
            }
            if (close) {
                close();
            }
            return new Response(status, body.toString(StandardCharsets.UTF_8));
        }

        /** One header line without its CRLF; empty at the blank line that ends the headers (or at end of stream). */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0; c = in.read()) {
                if (c == '\n') {
                    break;
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}
