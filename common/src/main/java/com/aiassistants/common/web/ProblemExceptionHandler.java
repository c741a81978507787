package com.aiassistants.common.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into RFC 9457 problem details ({@code application/problem+json}) with a
 * stable {@code type}, the request id, and field errors for validation failures. Anything not
 * recognised is a 500 whose body says nothing about internals.
 */
@RestControllerAdvice
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);
    public static final String TYPE_BASE = "https://ai-assistants.dev/problems/";

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> handleApiProblem(ApiProblem problem) {
        ProblemDetail body = problem.toProblemDetail();
        withRequestId(body);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.status());
        problem.headers().forEach(response::header);
        if (problem.status().value() == 503 && problem.headers().keySet().stream().noneMatch("Retry-After"::equalsIgnoreCase)) {
            // every 503 tells the client when to come back
            response.header("Retry-After", Integer.toString(Outages.RETRY_AFTER_SECONDS));
        }
        return response.body(body);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException ex) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "validation-failed", "Request validation failed");
        body.setProperty("errors", ex.getConstraintViolations().stream()
                .map(v -> Map.of("field", violationPath(v.getPropertyPath()), "message", v.getMessage()))
                .toList());
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
        if (Outages.isOutage(ex)) {
            log.warn("dependency unavailable, answered 503: {}", OutageFilter.rootMessage(ex));
            ProblemDetail body = problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "a service this request needs is unavailable right now; retry in a few seconds");
            body.setProperty("retry_after_seconds", Outages.RETRY_AFTER_SECONDS);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", Integer.toString(Outages.RETRY_AFTER_SECONDS)).body(body);
        }
        log.error("unhandled error", ex);
        ProblemDetail body = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Something went wrong on our side; the request id identifies it in our logs");
        return ResponseEntity.internalServerError().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "validation-failed", "Request validation failed");
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> fieldError(wireName(e.getField()), e))
                .toList();
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "validation-failed", "Request validation failed");
        List<Map<String, String>> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String parameter = requestName(result.getMethodParameter());
            if (result instanceof ParameterErrors bean) { // a @Valid object: its fields by their JSON names
                bean.getFieldErrors().forEach(e -> errors.add(fieldError(wireName(e.getField()), e)));
                bean.getGlobalErrors().forEach(e -> errors.add(fieldError(parameter, e)));
            } else {
                result.getResolvableErrors().forEach(e -> errors.add(fieldError(parameter, e)));
            }
        }
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }

    /** A path, query or header value of the wrong type ("abc" for a number, "2026-13-45" for a date): names it. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m
                ? requestName(m.getParameter()) : wireName(String.valueOf(ex.getPropertyName()));
        Class<?> type = ex.getRequiredType();
        return fieldProblem(name, "must be " + (type == null ? "a valid value" : "a valid " + typeName(type)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return fieldProblem(ex.getParameterName(), "is required");
    }

    @Override
    protected ResponseEntity<Object> handleMissingPathVariable(org.springframework.web.bind.MissingPathVariableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return fieldProblem(requestName(ex.getParameter()), "is required");
    }

    /** A body that is not JSON, or JSON of the wrong shape: the property at fault when the parser knows it. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = "body";
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof tools.jackson.databind.DatabindException databind && !databind.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (var reference : databind.getPath()) {
                    if (reference.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
                    } else if (reference.getIndex() >= 0) {
                        path.append('[').append(reference.getIndex()).append(']');
                    }
                }
                if (!path.isEmpty()) {
                    field = path.toString();
                }
                break;
            }
        }
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "malformed-json", "body".equals(field)
                ? "the body is not the JSON this request takes" : field + " has the wrong type or format");
        body.setProperty("errors", List.of(Map.of("field", field, "message", "body".equals(field)
                ? "must be a JSON object of the documented shape" : "has the wrong type or format")));
        return ResponseEntity.badRequest().body(body);
    }

    private static ResponseEntity<Object> fieldProblem(String field, String message) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "validation-failed", field + " " + message);
        body.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return ResponseEntity.badRequest().body(body);
    }

    private static String typeName(Class<?> type) {
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "ISO-8601 " + type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        }
        if (type == java.util.UUID.class) {
            return "UUID";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean (true or false)";
        }
        return type.isEnum() ? "value" : type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail detail) {
            if (detail.getType() == null || "about:blank".equals(detail.getType().toString())) {
                detail.setType(URI.create(TYPE_BASE + statusSlug(statusCode)));
            }
            withRequestId(detail);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** A problem with our type URI and the current request id. */
    public static ProblemDetail problem(HttpStatusCode status, String slug, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + slug));
        withRequestId(body);
        return body;
    }

    private static void withRequestId(ProblemDetail body) {
        String requestId = RequestIdFilter.current();
        if (requestId != null) {
            body.setProperty("request_id", requestId);
        }
    }

    private static String statusSlug(HttpStatusCode status) {
        HttpStatus resolved = HttpStatus.resolve(status.value());
        return resolved == null ? String.valueOf(status.value()) : resolved.name().toLowerCase().replace('_', '-');
    }

    private static final tools.jackson.databind.PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (tools.jackson.databind.PropertyNamingStrategies.NamingBase) tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE;

    private static Map<String, String> fieldError(String field, MessageSourceResolvable error) {
        return Map.of("field", field, "message", String.valueOf(error.getDefaultMessage()));
    }

    /** The name a client used for this parameter: the query parameter, path variable or header name. */
    static String requestName(MethodParameter parameter) {
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        String declared = query != null ? query.name() : path != null ? path.name() : header != null ? header.name() : "";
        if (!declared.isEmpty()) {
            return declared;
        }
        String name = parameter.getParameterName();
        return name == null ? "argument " + parameter.getParameterIndex() : wireName(name);
    }

    /** A method-validation path ({@code list.limit}, {@code save.arg0.startsAt}) without the method node, as JSON names. */
    static String violationPath(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.CONSTRUCTOR && node.getName() != null) {
                names.add(node.getName() + (node.getIndex() != null ? "[" + node.getIndex() + "]" : ""));
            }
        }
        return names.isEmpty() ? path.toString() : wireName(String.join(".", names));
    }

    /** A bean property path ({@code settings.rateLimits[0].perApiKeyPerMinute}) as the JSON body names it (snake_case). */
    static String wireName(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("\\.", -1)) {
            int bracket = segment.indexOf('[');
            String name = bracket < 0 ? segment : segment.substring(0, bracket);
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(SNAKE_CASE.nameForField(null, null, name)).append(bracket < 0 ? "" : segment.substring(bracket));
        }
        return out.toString();
    }
}
