package com.aiassistants.llm.bedrock;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;

import com.aiassistants.llm.chat.ChatProvider;
import com.aiassistants.llm.chat.ChatRequest;
import com.aiassistants.llm.chat.ChatResult;
import com.aiassistants.llm.chat.Deadline;
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
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/**
 * Amazon Bedrock through the Converse API (sync client). Credentials come from the default chain
 * (the ECS task role in AWS) unless static keys are configured. The SDK's own retries are off so
 * that every provider retries the same way, through the {@link Retrier}: throttling and 5xx are
 * retried; the exhausted daily token quota, {@code ServiceQuotaExceededException}, access denied, other
 * 4xx, unreadable answers and timeouts are not. Each attempt's timeout is capped by the caller's deadline.
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
        ConverseRequest converseRequest = ConverseMapper.request(request);
        Deadline deadline = request.deadline();
        return retrier.call(deadline, () -> {
            Duration timeout = deadline.cap(settings.readTimeout());
            ConverseRequest attempt = deadline.shorterThan(settings.readTimeout())
                    ? converseRequest.toBuilder().overrideConfiguration(config -> config.apiCallAttemptTimeout(timeout)
                            .apiCallTimeout(timeout)).build()
                    : converseRequest;
            try {
                return ConverseMapper.response(client.converse(attempt), request.model());
            } catch (ThrottlingException e) {
                throw throttled(e);
            } catch (ServiceQuotaExceededException e) {
                throw ProviderException.quotaExhausted("Bedrock: the account's service quota is exceeded ("
                        + errorCode(e) + ")" + detail(e), e);
            } catch (AccessDeniedException e) {
                throw ProviderException.auth("Bedrock denied access (" + errorCode(e) + "); check the task role's "
                        + "bedrock:InvokeModel permission and the model's access grant", e);
            } catch (ModelTimeoutException e) {
                throw ProviderException.timeout("the Bedrock model timed out", e);
            } catch (AwsServiceException e) {
                throw serviceFailure(e);
            } catch (ApiCallAttemptTimeoutException | ApiCallTimeoutException e) {
                throw ProviderException.timeout("Bedrock did not answer within " + timeout.toMillis() + " ms", e);
            } catch (SdkClientException e) {
                throw clientFailure(e, timeout);
            }
        });
    }

    /**
     * Bedrock reports both per-minute throttling and the exhausted daily token quota as
     * {@code ThrottlingException} (HTTP 429); only the message tells them apart ("Too many tokens per day").
     */
    private static ProviderException throttled(ThrottlingException e) {
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        if (message != null && message.toLowerCase(Locale.ROOT).contains("per day")) {
            return ProviderException.quotaExhausted("Bedrock: the daily token quota is used up (" + errorCode(e) + ")"
                    + detail(e), e);
        }
        return ProviderException.rateLimited(null, "throttled by Bedrock (" + errorCode(e) + ")" + detail(e));
    }

    private static ProviderException serviceFailure(AwsServiceException e) {
        int status = e.statusCode();
        String code = errorCode(e);
        if (status == 401 || status == 403 || code.equals("UnrecognizedClientException")
                || code.equals("ExpiredTokenException") || code.equals("InvalidSignatureException")) {
            return ProviderException.auth("Bedrock refused the credentials (HTTP " + status + ", " + code
                    + "); check the task role or the configured keys", e);
        }
        String message = "Bedrock answered HTTP " + status + " (" + code + ")" + detail(e);
        if (status == 429) {
            return ProviderException.rateLimited(null, message);
        }
        return status >= 500 ? ProviderException.retryable(message, e) : ProviderException.fatal(message, e);
    }

    private ProviderException clientFailure(SdkClientException e, Duration timeout) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (isParseFailure(cause)) {
                return ProviderException.badResponse("Bedrock answered with a body that could not be read: "
                        + cause.getClass().getSimpleName(), e);
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return ProviderException.timeout("Bedrock did not answer within " + timeout.toMillis() + " ms", e);
            }
            if (cause instanceof IOException) {
                return ProviderException.retryable("connection to Bedrock failed: " + cause.getClass().getSimpleName(), e);
            }
        }
        return ProviderException.fatal("the Bedrock client failed: " + shorten(String.valueOf(e.getMessage())), e);
    }

    /**
     * The SDK's JSON parser failures are {@code IOException}s (its shaded Jackson), so they must be told
     * apart from connection failures by type name before the I/O check.
     */
    private static boolean isParseFailure(Throwable cause) {
        String type = cause.getClass().getName();
        return type.contains("JsonParseException") || type.contains("JsonProcessingException")
                || type.contains("JsonEOFException") || type.contains("StreamReadException")
                || (cause instanceof SdkClientException && String.valueOf(cause.getMessage()).startsWith("Unable to unmarshall"));
    }

    private static String detail(AwsServiceException e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? ": " + shorten(e.awsErrorDetails().errorMessage()) : "";
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
