package com.aiassistants.common.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder on a free local port that a test can cut ({@link #cut()}: every open connection is reset and
 * new ones are refused, as when PostgreSQL or Redis goes down) and restore ({@link #restore()}, same port), or
 * freeze ({@link #freeze()}: connections stay open but nothing gets through, as when the network drops packets)
 * and thaw ({@link #thaw()}: what was held goes through), to watch a service fail cleanly and heal. One virtual
 * thread per direction of each connection.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private boolean frozen;

    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        restore();
    }

    public int port() {
        return port;
    }

    /** Starts (again) accepting and forwarding on {@link #port()}. */
    public synchronized void restore() {
        if (server != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = socket;
            Thread.ofVirtual().name("tcp-proxy-" + port).start(() -> accept(socket));
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on " + port, e);
        }
    }

    /** Resets every open connection and refuses new ones until {@link #restore()}. */
    public synchronized void cut() {
        ServerSocket socket = server;
        server = null;
        closeQuietly(socket);
        for (Socket connection : open) {
            try {
                connection.setSoLinger(true, 0);
            } catch (IOException ignored) {
                // already closed
            }
            closeQuietly(connection);
        }
        open.clear();
        thaw(); // held bytes meet closed sockets
    }

    /** Holds every byte sent either way, on open and new connections, until {@link #thaw()}. */
    public synchronized void freeze() {
        frozen = true;
    }

    /** Lets the held bytes, and everything after them, through again. */
    public synchronized void thaw() {
        frozen = false;
        notifyAll();
    }

    private synchronized void awaitThawed() throws InterruptedException {
        while (frozen) {
            wait();
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException e) {
                // closed by cut() or the upstream refused: the client sees a reset either way
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                awaitThawed();
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ignored) {
            // one side went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }

    @Override
    public void close() {
        cut();
    }
}
