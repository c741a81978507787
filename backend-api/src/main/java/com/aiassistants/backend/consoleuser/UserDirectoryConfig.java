package com.aiassistants.backend.consoleuser;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aiassistants.backend.BackendProperties;

import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** Cognito's user pool when one is configured ({@code auth.cognito.user-pool-id}, or the issuer's), else local links. */
@Configuration(proxyBeanMethods = false)
class UserDirectoryConfig {

    @Bean
    UserDirectory userDirectory(BackendProperties properties) {
        BackendProperties.Cognito cognito = properties.auth().cognito();
        if (!cognito.managesUsers()) {
            return new LocalUserDirectory();
        }
        return new CognitoUserDirectory(client(cognito), cognito.poolId(), cognito.projectClaim());
    }

    /** Credentials from the default chain (the ECS task role in AWS). */
    static CognitoIdentityProviderClient client(BackendProperties.Cognito cognito) {
        var builder = CognitoIdentityProviderClient.builder().region(Region.of(cognito.poolRegion()))
                .httpClientBuilder(ApacheHttpClient.builder());
        if (cognito.endpoint() != null && !cognito.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(cognito.endpoint()));
        }
        return builder.build();
    }
}
