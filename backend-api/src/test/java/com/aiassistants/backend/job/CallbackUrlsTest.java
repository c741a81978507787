package com.aiassistants.backend.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.aiassistants.common.web.ApiProblem;

class CallbackUrlsTest {

    @Test
    void internalAddressesAndPlainHttpAreRefused() {
        for (String url : new String[] {"https://127.0.0.1/cb", "https://localhost/cb", "https://10.1.2.3/cb",
                "https://172.16.0.9/cb", "https://192.168.1.1/cb", "https://169.254.169.254/latest/meta-data",
                "https://100.64.0.1/cb", "https://0.0.0.0/cb", "https://[::1]/cb", "https://[fd00:ec2::254]/cb",
                "https://[fe80::1]/cb", "https://[::ffff:127.0.0.1]/cb", "http://8.8.8.8/cb", "ftp://8.8.8.8/cb",
                "https://user:pw@8.8.8.8/cb", "/relative", "https://no-such-host.invalid/cb"}) {
            assertThatThrownBy(() -> CallbackUrls.check(url, false)).as(url).isInstanceOf(ApiProblem.class)
                    .satisfies(e -> assertThat(((ApiProblem) e).status().value()).isEqualTo(400));
        }
    }

    @Test
    void publicHttpsIsAcceptedAndLocalOnlyWhenAllowed() {
        assertThat(CallbackUrls.check("https://8.8.8.8/hook?x=1", false)).isEqualTo("https://8.8.8.8/hook?x=1");
        assertThat(CallbackUrls.check("http://127.0.0.1:9999/cb", true)).isEqualTo("http://127.0.0.1:9999/cb");
    }

    @Test
    void aProjectsAllowlistAcceptsListedHostsAndSubdomainsOnly() {
        var hosts = java.util.List.of("hooks.clinic.example", "*.crm.example");
        assertThat(CallbackUrls.notAllowed("hooks.clinic.example", hosts)).isNull();
        assertThat(CallbackUrls.notAllowed("HOOKS.Clinic.example", hosts)).isNull();
        assertThat(CallbackUrls.notAllowed("eu.crm.example", hosts)).isNull();
        assertThat(CallbackUrls.notAllowed("crm.example", hosts)).isNotNull();
        assertThat(CallbackUrls.notAllowed("evilcrm.example", hosts)).isNotNull();
        assertThat(CallbackUrls.notAllowed("hooks.clinic.example.evil.test", hosts)).isNotNull();
        assertThat(CallbackUrls.notAllowed("anything.test", java.util.List.of())).isNull();
        // the allowlist narrows the public-https rule, it never widens it
        assertThatThrownBy(() -> CallbackUrls.check("https://127.0.0.1/cb", false, java.util.List.of("127.0.0.1")))
                .isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> CallbackUrls.check("https://8.8.8.8/cb", false, hosts)).isInstanceOf(ApiProblem.class);
        assertThat(CallbackUrls.check("https://8.8.8.8/cb", false, java.util.List.of("8.8.8.8"))).isEqualTo("https://8.8.8.8/cb");
    }
}
