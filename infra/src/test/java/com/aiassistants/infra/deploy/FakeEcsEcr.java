package com.aiassistants.infra.deploy;

import com.aiassistants.infra.catalog.ServiceCatalog;
import com.aiassistants.infra.catalog.ServiceSpec;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for the ECS and ECR JSON APIs (awsJson1_1 over HTTP, dispatched on
 * {@code X-Amz-Target}), enough for the deployer: services with deployments that complete or fail
 * after a couple of polls, task definition revisions, and image look-ups.
 */
final class FakeEcsEcr implements AutoCloseable {

    static final String ACCOUNT = "123456789012";
    static final String REGISTRY = ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com";
    static final String OTEL_IMAGE = "public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3";
    static final String CLUSTER = "ai-assistants-prod";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, FakeService> services = new LinkedHashMap<>();
    private final Map<String, ObjectNode> taskDefinitions = new LinkedHashMap<>();
    private final Map<String, AtomicInteger> revisions = new LinkedHashMap<>();
    private final Set<String> images = new HashSet<>();
    private final Set<String> failingImages = new HashSet<>();
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger deploymentIds = new AtomicInteger();

    static final class FakeService {
        final String name;
        final int desired;
        String taskDefinition;
        final List<ObjectNode> deployments = new ArrayList<>();

        FakeService(String name, int desired) {
            this.name = name;
            this.desired = desired;
        }
    }

    FakeEcsEcr() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every service of the catalog running {@code tag}, with its image pushed. */
    FakeEcsEcr withAllServicesOn(String tag) {
        for (ServiceSpec spec : ServiceCatalog.ALL) {
            String image = REGISTRY + "/" + spec.repositoryName() + ":" + tag;
            ObjectNode td = JSON.createObjectNode();
            td.put("family", "ai-assistants-prod-" + spec.name());
            td.put("taskRoleArn", "arn:aws:iam::" + ACCOUNT + ":role/" + spec.name() + "-task");
            td.put("executionRoleArn", "arn:aws:iam::" + ACCOUNT + ":role/" + spec.name() + "-exec");
            td.put("networkMode", "awsvpc");
            td.put("cpu", "256");
            td.put("memory", "512");
            td.putArray("requiresCompatibilities").add("FARGATE");
            var containers = td.putArray("containerDefinitions");
            ObjectNode container = containers.addObject();
            container.put("name", spec.name());
            container.put("image", image);
            container.put("essential", true);
            container.putArray("environment").addObject().put("name", "SPRING_PROFILES_ACTIVE").put("value", "aws");
            container.putArray("secrets").addObject().put("name", "AI_ASSISTANTS_MCP_TOKEN")
                    .put("valueFrom", "arn:aws:secretsmanager:us-east-1:" + ACCOUNT + ":secret:mcp-token");
            container.putArray("dependsOn").addObject().put("containerName", "db-role").put("condition", "SUCCESS");
            // as the services stack lays a task out: the init container on the service's image, the tracing sidecar on its own
            ObjectNode init = containers.addObject();
            init.put("name", "db-role");
            init.put("image", image);
            init.put("essential", false);
            init.putArray("entryPoint").add("java").add("-cp").add("@/app/jib-classpath-file")
                    .add("com.aiassistants.common.database.ServiceDatabaseRole");
            ObjectNode sidecar = containers.addObject();
            sidecar.put("name", "otel-collector");
            sidecar.put("image", OTEL_IMAGE);
            sidecar.put("essential", false);
            if (spec.singleton()) {
                td.putArray("volumes").addObject().put("name", "whatsapp-session")
                        .putObject("efsVolumeConfiguration").put("fileSystemId", "fs-123").put("transitEncryption", "ENABLED");
            }
            String arn = store(td);
            FakeService service = new FakeService(spec.name(), spec.singleton() ? 1 : 2);
            service.taskDefinition = arn;
            service.deployments.add(deployment(arn, "PRIMARY", "COMPLETED", service.desired, service.desired));
            services.put(spec.name(), service);
            images.add(spec.repositoryName() + ":" + tag);
        }
        return this;
    }

    FakeEcsEcr withImage(String tag) {
        ServiceCatalog.ALL.forEach(spec -> images.add(spec.repositoryName() + ":" + tag));
        return this;
    }

    FakeEcsEcr withoutImage(String service, String tag) {
        images.remove(ServiceCatalog.REPOSITORY_PREFIX + service + ":" + tag);
        return this;
    }

    /** Tasks of this image never become healthy: the rollout fails (circuit breaker). */
    FakeEcsEcr failing(String service, String tag) {
        failingImages.add(REGISTRY + "/" + ServiceCatalog.REPOSITORY_PREFIX + service + ":" + tag);
        return this;
    }

    FakeEcsEcr withoutService(String service) {
        services.remove(service);
        return this;
    }

    List<String> calls() {
        return List.copyOf(calls);
    }

    String runningTaskDefinition(String service) {
        return services.get(service).taskDefinition;
    }

    ObjectNode taskDefinition(String arn) {
        return taskDefinitions.get(arn);
    }

    String imageOf(String taskDefinitionArn) {
        return imageOf(taskDefinitionArn, 0);
    }

    /** The image of the task definition's container at {@code index} (0 the service, 1 db-role, 2 the sidecar). */
    String imageOf(String taskDefinitionArn, int index) {
        return taskDefinitions.get(taskDefinitionArn).get("containerDefinitions").get(index).get("image").asString();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
        try {
            ObjectNode response = switch (operation) {
                case "DescribeServices" -> describeServices(request);
                case "DescribeTaskDefinition" -> describeTaskDefinition(request);
                case "RegisterTaskDefinition" -> registerTaskDefinition(request);
                case "UpdateService" -> updateService(request);
                case "DescribeImages" -> describeImages(request);
                default -> throw new ApiError(400, "UnknownOperationException", "unsupported " + target);
            };
            send(exchange, 200, response);
        } catch (ApiError e) {
            ObjectNode error = JSON.createObjectNode().put("__type", e.type).put("message", e.getMessage());
            exchange.getResponseHeaders().add("x-amzn-ErrorType", e.type);
            send(exchange, e.status, error);
        }
    }

    private static final class ApiError extends RuntimeException {
        final int status;
        final String type;

        ApiError(int status, String type, String message) {
            super(message);
            this.status = status;
            this.type = type;
        }
    }

    private ObjectNode describeServices(JsonNode request) {
        ObjectNode response = JSON.createObjectNode();
        ArrayNode out = response.putArray("services");
        ArrayNode failures = response.putArray("failures");
        for (JsonNode name : request.get("services")) {
            FakeService service = services.get(name.asString());
            if (service == null) {
                failures.addObject().put("arn", "arn:aws:ecs:us-east-1:" + ACCOUNT + ":service/" + CLUSTER + "/" + name.asString())
                        .put("reason", "MISSING");
                continue;
            }
            calls.add("DescribeServices " + service.name);
            advance(service);
            ObjectNode s = out.addObject();
            s.put("serviceName", service.name);
            s.put("serviceArn", "arn:aws:ecs:us-east-1:" + ACCOUNT + ":service/" + CLUSTER + "/" + service.name);
            s.put("status", "ACTIVE");
            s.put("desiredCount", service.desired);
            s.put("taskDefinition", service.taskDefinition);
            ArrayNode deployments = s.putArray("deployments");
            service.deployments.forEach(d -> deployments.add(d.deepCopy()));
        }
        return response;
    }

    /** Each poll moves in-progress deployments along: completed, or failed for a failing image. */
    private void advance(FakeService service) {
        for (ObjectNode d : List.copyOf(service.deployments)) {
            if (!"IN_PROGRESS".equals(d.get("rolloutState").asString())) {
                continue;
            }
            int polls = d.get("polls").asInt() + 1;
            d.put("polls", polls);
            d.put("pendingCount", service.desired);
            if (polls < 2) {
                continue;
            }
            String arn = d.get("taskDefinition").asString();
            if (failingImages.contains(imageOf(arn))) {
                d.put("rolloutState", "FAILED");
                d.put("rolloutStateReason", "ECS deployment circuit breaker: tasks failed to start.");
                d.put("pendingCount", 0);
            } else {
                d.put("rolloutState", "COMPLETED");
                d.put("runningCount", service.desired);
                d.put("pendingCount", 0);
                d.put("status", "PRIMARY");
                service.taskDefinition = arn;
                service.deployments.clear();
                service.deployments.add(d);
            }
        }
    }

    private ObjectNode describeTaskDefinition(JsonNode request) {
        String arn = request.get("taskDefinition").asString();
        ObjectNode td = taskDefinitions.get(arn);
        if (td == null) {
            throw new ApiError(400, "ClientException", "Unable to describe task definition.");
        }
        calls.add("DescribeTaskDefinition " + arn);
        ObjectNode response = JSON.createObjectNode();
        response.set("taskDefinition", td.deepCopy());
        return response;
    }

    private ObjectNode registerTaskDefinition(JsonNode request) {
        ObjectNode td = (ObjectNode) request.deepCopy();
        String arn = store(td);
        calls.add("RegisterTaskDefinition " + arn);
        ObjectNode response = JSON.createObjectNode();
        response.set("taskDefinition", taskDefinitions.get(arn).deepCopy());
        return response;
    }

    private ObjectNode updateService(JsonNode request) {
        FakeService service = services.get(request.get("service").asString());
        if (service == null) {
            throw new ApiError(400, "ServiceNotFoundException", "Service not found.");
        }
        String arn = request.get("taskDefinition").asString();
        if (!taskDefinitions.containsKey(arn)) {
            throw new ApiError(400, "ClientException", "TaskDefinition not found.");
        }
        calls.add("UpdateService " + service.name + " " + arn);
        service.deployments.removeIf(d -> "FAILED".equals(d.get("rolloutState").asString()));
        service.deployments.forEach(d -> d.put("status", "ACTIVE"));
        service.deployments.add(0, deployment(arn, "PRIMARY", "IN_PROGRESS", 0, service.desired));
        ObjectNode response = JSON.createObjectNode();
        response.putObject("service").put("serviceName", service.name).put("taskDefinition", arn).put("status", "ACTIVE");
        return response;
    }

    private ObjectNode describeImages(JsonNode request) {
        String repository = request.get("repositoryName").asString();
        String tag = request.get("imageIds").get(0).get("imageTag").asString();
        calls.add("DescribeImages " + repository + ":" + tag);
        if (!images.contains(repository + ":" + tag)) {
            throw new ApiError(400, "ImageNotFoundException",
                    "The image with imageId {imageTag:'" + tag + "'} does not exist within the repository " + repository);
        }
        ObjectNode response = JSON.createObjectNode();
        ObjectNode detail = response.putArray("imageDetails").addObject();
        detail.put("repositoryName", repository).putArray("imageTags").add(tag);
        return response;
    }

    private String store(ObjectNode td) {
        String family = td.get("family").asString();
        int revision = revisions.computeIfAbsent(family, f -> new AtomicInteger()).incrementAndGet();
        String arn = "arn:aws:ecs:us-east-1:" + ACCOUNT + ":task-definition/" + family + ":" + revision;
        td.put("taskDefinitionArn", arn);
        td.put("revision", revision);
        td.put("status", "ACTIVE");
        taskDefinitions.put(arn, td);
        return arn;
    }

    private ObjectNode deployment(String taskDefinition, String status, String rolloutState, int running, int desired) {
        ObjectNode d = JSON.createObjectNode();
        d.put("id", "ecs-svc/" + deploymentIds.incrementAndGet());
        d.put("status", status);
        d.put("taskDefinition", taskDefinition);
        d.put("desiredCount", desired);
        d.put("runningCount", running);
        d.put("pendingCount", 0);
        d.put("rolloutState", rolloutState);
        d.put("polls", 0);
        return d;
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
