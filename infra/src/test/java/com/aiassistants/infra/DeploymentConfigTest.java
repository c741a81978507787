package com.aiassistants.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeploymentConfigTest {

    @Test
    void rejectsUnknownEnvironment() {
        assertThatThrownBy(() -> new DeploymentConfig("staging", "x", "", "arn", "", "", "", false, Sizing.dev()))
                .hasMessageContaining("dev or prod");
    }

    @Test
    void requiresACertificateOrADomain() {
        assertThatThrownBy(() -> new DeploymentConfig("dev", "x", "", "", "", "", "", false, Sizing.dev()))
                .hasMessageContaining("certificateArn");
    }

    @Test
    void hostedZoneNeedsItsName() {
        assertThatThrownBy(() -> new DeploymentConfig("dev", "x", "", "", "api.example.com", "Z123", "", false, Sizing.dev()))
                .hasMessageContaining("hostedZoneName");
    }

    @Test
    void blankImageTagMeansLatest() {
        assertThat(new DeploymentConfig("dev", " ", "", "arn", "", "", "", false, Sizing.dev()).imageTag()).isEqualTo("latest");
    }

    @Test
    void prodIsLargerThanDev() {
        assertThat(Sizing.prod().dbMultiAz()).isTrue();
        assertThat(Sizing.dev().dbMultiAz()).isFalse();
        assertThat(Sizing.prod().taskSize("backend-api")).isEqualTo(new Sizing.TaskSize(512, 1024));
        assertThat(Sizing.prod().taskSize("whatsapp-gateway")).isEqualTo(new Sizing.TaskSize(1024, 2048));
        assertThat(Sizing.dev().natGateways()).isLessThan(Sizing.prod().natGateways());
    }

    @Test
    void consoleDomainNeedsAUsEast1Certificate() {
        assertThatThrownBy(() -> new DeploymentConfig("prod", "x", "", "arn", "", "", "", false, Sizing.prod(),
                "console.example.com", "")).hasMessageContaining("consoleCertificateArn");
        assertThatThrownBy(() -> new DeploymentConfig("prod", "x", "", "arn", "", "", "", false, Sizing.prod(),
                "console.example.com", "arn:aws:acm:eu-west-1:123456789012:certificate/x")).hasMessageContaining("us-east-1");
        assertThat(new DeploymentConfig("prod", "x", "", "arn", "", "", "", false, Sizing.prod()).hasConsoleDomain()).isFalse();
    }
}
