package com.aiassistants.infra.pipeline;

import java.util.regex.Pattern;
import software.constructs.Node;

/**
 * Who may deploy an environment from CI: read from CDK context ({@code -c key=value} or {@code cdk.json}).
 *
 * @param githubRepository  {@code owner/name} of the GitHub repository whose workflows may assume the role
 * @param githubEnvironment the GitHub environment whose jobs may assume it ({@code dev} for dev, {@code production}
 *                          for prod unless {@code githubEnvironment} says otherwise); the token's {@code sub} claim
 *                          is then {@code repo:<owner/name>:environment:<githubEnvironment>}
 * @param oidcProviderArn   an existing IAM OIDC provider for {@code token.actions.githubusercontent.com} (an account
 *                          holds one per URL: pass it when another stack or environment in the account created it);
 *                          blank creates one in this stack
 */
public record PipelineConfig(String githubRepository, String githubEnvironment, String oidcProviderArn) {

    public static final String GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}");
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9_.-]{1,255}");

    public PipelineConfig {
        if (githubRepository == null || !REPOSITORY.matcher(githubRepository).matches()) {
            throw new IllegalArgumentException("context 'githubRepository' must be owner/name, got " + githubRepository);
        }
        if (githubEnvironment == null || !ENVIRONMENT.matcher(githubEnvironment).matches()) {
            throw new IllegalArgumentException("context 'githubEnvironment' must name a GitHub environment, got "
                    + githubEnvironment);
        }
        oidcProviderArn = oidcProviderArn == null ? "" : oidcProviderArn;
        if (!oidcProviderArn.isBlank() && !oidcProviderArn.matches("arn:aws[a-z-]*:iam::\\d{12}:oidc-provider/"
                + Pattern.quote(GITHUB_OIDC_HOST))) {
            throw new IllegalArgumentException("context 'githubOidcProviderArn' must be the ARN of the IAM OIDC provider "
                    + "for " + GITHUB_OIDC_HOST + ", got " + oidcProviderArn);
        }
    }

    /** The GitHub environment an application environment deploys from by default. */
    public static String defaultGithubEnvironment(String env) {
        return env.equals("prod") ? "production" : env;
    }

    /** The configuration in context, or {@code null} when {@code githubRepository} is not set (no pipeline stack). */
    public static PipelineConfig fromContext(Node node, String env) {
        Object repository = node.tryGetContext("githubRepository");
        if (repository == null || repository.toString().isBlank()) {
            return null;
        }
        Object environment = node.tryGetContext("githubEnvironment");
        Object provider = node.tryGetContext("githubOidcProviderArn");
        return new PipelineConfig(repository.toString(),
                environment == null || environment.toString().isBlank() ? defaultGithubEnvironment(env) : environment.toString(),
                provider == null ? "" : provider.toString());
    }

    /** The only {@code sub} claim the role trusts. */
    public String subject() {
        return "repo:" + githubRepository + ":environment:" + githubEnvironment;
    }

    public boolean createsProvider() {
        return oidcProviderArn.isBlank();
    }
}
