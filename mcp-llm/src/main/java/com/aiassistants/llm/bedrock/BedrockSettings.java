package com.aiassistants.llm.bedrock;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach Bedrock Runtime.
 *
 * @param region           AWS region, e.g. {@code us-east-1}
 * @param endpointOverride another endpoint (VPC endpoint, or a fake in tests); null for the default
 * @param accessKeyId      static credentials (local runs, tests); null to use the default chain
 *                         (ECS task role, environment, profile)
 * @param secretAccessKey  secret of the static credentials
 * @param connectTimeout   TCP connect timeout
 * @param readTimeout      time allowed for one attempt of a Converse call
 */
public record BedrockSettings(String region, URI endpointOverride, String accessKeyId, String secretAccessKey,
        Duration connectTimeout, Duration readTimeout) {

    @Override
    public String toString() {
        return "BedrockSettings[region=" + region + ", endpointOverride=" + endpointOverride + ", credentials="
                + (accessKeyId == null ? "default chain" : "static") + "]";
    }
}
