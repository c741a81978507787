package com.aiassistants.infra;

import com.aiassistants.infra.data.DataStack;
import com.aiassistants.infra.edge.EdgeStack;
import com.aiassistants.infra.network.NetworkStack;
import com.aiassistants.infra.observability.ObservabilityStack;
import com.aiassistants.infra.pipeline.PipelineConfig;
import com.aiassistants.infra.pipeline.PipelineStack;
import com.aiassistants.infra.registry.RegistryStack;
import com.aiassistants.infra.security.SecurityStack;
import com.aiassistants.infra.services.ServicesStack;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * CDK entry point ({@code cdk.json} runs it). Stacks, in dependency order:
 * Registry, Security, Network, Data, Edge, Services, Observability — all named {@code AiAssistants-<env>-*} — and,
 * when the context names {@code githubRepository}, Pipeline (the CI's OIDC identity, {@link PipelineStack}).
 */
public final class InfraApp {

    /** The stacks of one environment; {@code pipeline} is {@code null} without {@code githubRepository} in context. */
    public record Stacks(RegistryStack registry, SecurityStack security, NetworkStack network, DataStack data, EdgeStack edge,
                         ServicesStack services, ObservabilityStack observability, PipelineStack pipeline) {
    }

    static final String CROSS_STACK_REFERENCES = "@aws-cdk/core:defaultCrossStackReferences";

    private InfraApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        define(app, DeploymentConfig.fromContext(app.getNode()), environmentFromCli());
        List<String> findings = Compliance.findings(app);
        if (!findings.isEmpty()) {
            findings.forEach(System.err::println);
            System.err.println(findings.size() + " cdk-nag finding(s): fix them or acknowledge each next to its resource "
                    + "(Compliance.acknowledge) with the reason");
            System.exit(1);
        }
        app.synth();
    }

    /** Account and region the CLI resolved; {@code null} keeps the stacks environment-agnostic. */
    static Environment environmentFromCli() {
        String account = System.getenv("CDK_DEFAULT_ACCOUNT");
        String region = System.getenv("CDK_DEFAULT_REGION");
        if (account == null || region == null) {
            return null;
        }
        return Environment.builder().account(account).region(region).build();
    }

    public static Stacks define(App app, DeploymentConfig config, Environment environment) {
        if (app.getNode().tryGetContext(CROSS_STACK_REFERENCES) == null) {
            // explicit: exports protect producer stacks from deleting what a consumer still uses
            app.getNode().setContext(CROSS_STACK_REFERENCES, "strong");
        }
        String prefix = config.stackPrefix();
        StackProps props = StackProps.builder()
                .env(environment)
                .description("ai-assistants " + config.env())
                .terminationProtection(config.isProd())
                .build();
        RegistryStack registry = new RegistryStack(app, prefix + "-Registry", props);
        SecurityStack security = new SecurityStack(app, prefix + "-Security", props, config);
        NetworkStack network = new NetworkStack(app, prefix + "-Network", props, config, security);
        DataStack data = new DataStack(app, prefix + "-Data", props, config, network, security);
        EdgeStack edge = new EdgeStack(app, prefix + "-Edge", props, config, network, security);
        ServicesStack services = new ServicesStack(app, prefix + "-Services", props, config, network, data, registry, edge,
                security);
        ObservabilityStack observability = new ObservabilityStack(app, prefix + "-Observability", props, config,
                data, edge, services, security);
        PipelineConfig pipelineConfig = PipelineConfig.fromContext(app.getNode(), config.env());
        PipelineStack pipeline = pipelineConfig == null ? null
                : new PipelineStack(app, prefix + "-Pipeline", props, config, pipelineConfig, registry, edge, services);
        Tags.of(app).add("project", "ai-assistants");
        Tags.of(app).add("environment", config.env());
        return new Stacks(registry, security, network, data, edge, services, observability, pipeline);
    }
}
