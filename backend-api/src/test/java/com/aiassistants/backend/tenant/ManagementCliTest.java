package com.aiassistants.backend.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import com.aiassistants.backend.BackendApplication;
import com.aiassistants.backend.BackendTestBase;

/**
 * The management CLI as the README runs it: its own JVM with {@code --spring.profiles.active=manage} (no web
 * server, no security configuration), which must start, do what the options say, print the secrets and exit 0.
 */
class ManagementCliTest extends BackendTestBase {

    @Autowired
    Environment environment;

    @Test
    void theManageProfileCreatesAProjectAnApiKeyAndAnAdminAndExits() throws Exception {
        String id = uniqueId("cli");
        String project = cli("--create-project=" + id, "--name=CLI Clinic", "--time-zone=UTC", "--locale=en");
        assertThat(project).contains("project " + id + " created", "webhook secret: ", "API key: ");
        String firstKey = line(project, "API key: ");

        String key = cli("--create-api-key=" + id, "--name=crm");
        assertThat(key).contains("API key for " + id + ": ");
        String secondKey = key.lines().filter(l -> l.startsWith("API key for ")).findFirst().orElseThrow()
                .replaceFirst("API key for [^:]+: (\\S+).*", "$1");

        cli("--create-admin=boss@" + id + ".test", "--password=cli-pass-12", "--role=owner", "--project=" + id);

        // what the CLI made works against the running API
        for (String apiKey : List.of(firstKey, secondKey)) {
            assertThat(web(new TestProject(id, apiKey, null, null), "cli-c", "hola").status()).isEqualTo(200);
        }
        String token = login("boss@" + id + ".test", "cli-pass-12");
        Response me = send("GET", "/v1/admin/me", bearer(token), null);
        assertThat(me.text("project_id")).isEqualTo(id);
        assertThat(me.text("role")).isEqualTo("owner");
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow().substring(prefix.length());
    }

    /** Runs the CLI in a new JVM on this test's class path; returns what it printed (it must exit 0). */
    private String cli(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BackendApplication.class.getName(),
                "--spring.profiles.active=manage",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                "--spring.data.redis.url=" + environment.getProperty("spring.data.redis.url", ""),
                "--logging.structured.format.console="));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }
}
