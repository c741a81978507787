package com.aiassistants.llm.bedrock;

import java.io.IOException;
import java.net.SocketTimeoutException;

import com.aiassistants.llm.chat.ChatProvider;
import com.aiassistants.llm.chat.ChatRequest;
import com.aiassistants.llm.chat.ChatResult;
import com.aiassistants.llm.chat.ProviderException;
import com.aiassistants.llm.resilience.Retrier;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/**
 * Amazon Bedrock through the Converse API (sync client). Credentials come from the default chain
 * (the ECS task role in AWS) unless static keys are configured. The SDK's own retries are off so
 * that every provider retries the same way, through the {@link Retrier}: throttling and 5xx are
 * retried, other 4xx and timeouts are not.
 */
public final class BedrockConverseProvider implements ChatProvider, AutoCloseable {

    private final BedrockRuntimeClient client;
    private final Retrier retrier;
    private final BedrockSettings settings;

    public BedrockConverseProvider(BedrockSettings settings, Retrier retrier) {
        this.settings = settings;
        this.retrier = retrier;
        BedrockRuntimeClientBuilder builder = BedrockRuntimeClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.readTimeout()))
                .overrideConfiguration(config -> config
                        .apiCallAttemptTimeout(settings.readTimeout())
                        .retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (settings.endpointOverride() != null) {
            builder.endpointOverride(settings.endpointOverride());
        }
        this.client = builder.build();
    }

    private static AwsCredentialsProvider credentials(BedrockSettings settings) {
        if (settings.accessKeyId() != null && !settings.accessKeyId().isBlank()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @Override
    public ChatResult complete(ChatRequest request) {
        var converseRequest = ConverseMapper.request(request);
        return retrier.call(() -> {
            try {
                return ConverseMapper.response(client.converse(converseRequest));
            } catch (ThrottlingException e) {
                throw ProviderException.rateLimited(null, "throttled by Bedrock (" + errorCode(e) + ")");
            } catch (ModelTimeoutException e) {
                throw ProviderException.timeout("the Bedrock model timed out", e);
            } catch (AwsServiceException e) {
                throw serviceFailure(e);
            } catch (ApiCallAttemptTimeoutException | ApiCallTimeoutException e) {
                throw ProviderException.timeout("Bedrock did not answer within " + settings.readTimeout().toMillis()
                        + " ms", e);
            } catch (SdkClientException e) {
                throw clientFailure(e);
            }
        });
    }

    private static ProviderException serviceFailure(AwsServiceException e) {
        int status = e.statusCode();
        String message = "Bedrock answered HTTP " + status + " (" + errorCode(e) + ")"
                + (e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                        ? ": " + shorten(e.awsErrorDetails().errorMessage()) : "");
        if (status == 429) {
            return ProviderException.rateLimited(null, message);
        }
        return status >= 500 ? ProviderException.retryable(message, e) : ProviderException.fatal(message, e);
    }

    private ProviderException clientFailure(SdkClientException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return ProviderException.timeout("Bedrock did not answer within " + settings.readTimeout().toMillis()
                        + " ms", e);
            }
            if (cause instanceof IOException) {
                return ProviderException.retryable("connection to Bedrock failed: " + cause.getClass().getSimpleName(), e);
            }
        }
        return ProviderException.fatal("the Bedrock client failed: " + shorten(String.valueOf(e.getMessage())), e);
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? e.getClass().getSimpleName()
                : e.awsErrorDetails().errorCode();
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    @Override
    public void close() {
        client.close();
    }
}
