package com.aiassistants.common.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Replaces Tomcat's HTML error page for what fails before any servlet runs (a request line or header Tomcat
 * cannot parse, headers larger than {@code server.max-http-request-header-size}) with problem details; headers
 * too large become 431 Request Header Fields Too Large. Errors Spring MVC handled are left alone.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String reason = String.valueOf(response.getMessage()) + " " + (throwable == null ? "" : throwable.getMessage());
        boolean headersTooLarge = status == 400 && reason.toLowerCase(java.util.Locale.ROOT).contains("header")
                && reason.toLowerCase(java.util.Locale.ROOT).contains("too large");
        if (headersTooLarge) {
            status = 431;
            response.setStatus(431);
        }
        String slug = headersTooLarge ? "request-header-fields-too-large" : status >= 500 ? "internal-error" : "bad-request";
        String detail = headersTooLarge ? "the request headers are too large"
                : status >= 500 ? "Something went wrong on our side" : "the request could not be read as HTTP";
        String title = headersTooLarge ? "Request Header Fields Too Large"
                : status >= 500 ? "Internal Server Error" : "Bad Request";
        String body = "{\"type\":\"" + ProblemExceptionHandler.TYPE_BASE + slug + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone; nothing more to say
        }
    }
}
