package com.aiassistants.common.mcp.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import tools.jackson.databind.json.JsonMapper;

/** Holds the answer (status, headers pass through, body in memory) until the filter has looked at it. */
final class BufferedResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status = 200;
    private PrintWriter writer;
    private ServletOutputStream stream;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    BufferedResponse(HttpServletResponse response) {
        super(response);
    }

    int status() {
        return status;
    }

    byte[] bytes() {
        if (writer != null) {
            writer.flush();
        }
        return body.toByteArray();
    }

    String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    void copyTo(HttpServletResponse response) throws IOException {
        byte[] bytes = bytes();
        response.setStatus(status);
        if (bytes.length > 0) {
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    @Override
    public void setStatus(int sc) {
        this.status = sc;
        super.setStatus(sc);
    }

    @Override
    public void sendError(int sc) {
        this.status = sc;
    }

    @Override
    public void sendError(int sc, String msg) {
        this.status = sc;
        if (msg != null) {
            body.writeBytes(JSON.writeValueAsBytes(Map.of("message", msg)));
        }
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    body.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("synchronous writes only");
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
        }
        return writer;
    }

    @Override
    public void flushBuffer() {
        // held until the filter decides what to send
    }

    @Override
    public void setContentLength(int len) {
        // the filter sets the length of what it really sends
    }

    @Override
    public void setContentLengthLong(long len) {
        // as above
    }
}
