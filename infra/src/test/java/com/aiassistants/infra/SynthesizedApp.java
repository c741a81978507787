package com.aiassistants.infra;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesizes each environment once per test JVM (the jsii Node runtime is the slow part) and
 * caches the templates. The cloud assembly is written to {@code target/cdk.out/<env>} for review.
 */
public final class SynthesizedApp {

    public static final String CERTIFICATE_ARN =
            "arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
    public static final String ALARM_EMAIL = "ops@example.com";
    /** prod is synthesized with a console domain (TLS 1.2 on CloudFront), dev without one. */
    public static final String CONSOLE_DOMAIN = "console.example.com";
    public static final String CONSOLE_CERTIFICATE_ARN =
            "arn:aws:acm:us-east-1:123456789012:certificate/66666666-7777-8888-9999-000000000000";

    /** The repository whose workflows may assume the pipeline role (the Pipeline stack exists only with one). */
    public static final String GITHUB_REPOSITORY = "example-org/ai-assistants";

    private static final Map<String, SynthesizedApp> CACHE = new ConcurrentHashMap<>();

    private final InfraApp.Stacks stacks;
    private final Map<Stack, Template> templates = new ConcurrentHashMap<>();

    private SynthesizedApp(String env) {
        App app = new App(AppProps.builder().outdir(Path.of("target", "cdk.out", env).toString())
                .context(Map.of("githubRepository", GITHUB_REPOSITORY)).build());
        DeploymentConfig config = new DeploymentConfig(env, "0123abc", ALARM_EMAIL, CERTIFICATE_ARN, "api.example.com",
                "", "", false, env.equals("prod") ? Sizing.prod() : Sizing.dev(),
                env.equals("prod") ? CONSOLE_DOMAIN : "", env.equals("prod") ? CONSOLE_CERTIFICATE_ARN : "");
        stacks = InfraApp.define(app, config, null);
        app.synth();
    }

    public static SynthesizedApp dev() {
        return CACHE.computeIfAbsent("dev", SynthesizedApp::new);
    }

    public static SynthesizedApp prod() {
        return CACHE.computeIfAbsent("prod", SynthesizedApp::new);
    }

    public InfraApp.Stacks stacks() {
        return stacks;
    }

    public Template template(Stack stack) {
        return templates.computeIfAbsent(stack, Template::fromStack);
    }
}
