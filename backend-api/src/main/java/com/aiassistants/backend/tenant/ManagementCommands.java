package com.aiassistants.backend.tenant;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Management CLI. Run the jar with the {@code manage} profile (no web server, exits when done):
 * <pre>
 * java -jar backend-api-exec.jar --spring.profiles.active=manage --create-project=acme --name="Acme" \
 *      --time-zone=America/Argentina/Buenos_Aires --locale=es
 * java -jar backend-api-exec.jar --spring.profiles.active=manage --create-api-key=acme [--name=crm]
 * java -jar backend-api-exec.jar --spring.profiles.active=manage --create-admin=ana@acme.com --password=... \
 *      --role=owner --project=acme [--superadmin]
 * </pre>
 * Secrets are printed once to stdout.
 */
@Component
public class ManagementCommands implements ApplicationRunner {

    private final ProjectAdministration administration;
    private final ApiKeys apiKeys;
    private final AdminUsers users;
    private final Environment environment;
    private final ConfigurableApplicationContext context;
    private PrintStream out = System.out;

    public ManagementCommands(ProjectAdministration administration, ApiKeys apiKeys, AdminUsers users,
            Environment environment, ConfigurableApplicationContext context) {
        this.administration = administration;
        this.apiKeys = apiKeys;
        this.users = users;
        this.environment = environment;
        this.context = context;
    }

    public void output(PrintStream out) {
        this.out = out;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean ran = execute(args);
        if (environment.acceptsProfiles(Profiles.of("manage"))) {
            if (!ran) {
                out.println("nothing to do: pass --create-project, --create-api-key or --create-admin");
            }
            int code = SpringApplication.exit(context, () -> 0);
            System.exit(code);
        }
    }

    /** Runs the commands named in {@code args}; false when there were none. */
    public boolean execute(ApplicationArguments args) {
        boolean ran = false;
        String project = one(args, "create-project");
        if (project != null) {
            var created = administration.create(project, required(args, "name"), required(args, "time-zone"),
                    orDefault(args, "locale", "es"));
            out.printf("project %s created%nwebhook secret: %s%nAPI key: %s%n", created.id(), created.webhookSecret(),
                    created.apiKey().key());
            ran = true;
        }
        String keyProject = one(args, "create-api-key");
        if (keyProject != null) {
            var key = apiKeys.create(keyProject, orDefault(args, "name", "cli"));
            out.printf("API key for %s: %s (id %s)%n", keyProject, key.key(), key.id());
            ran = true;
        }
        String email = one(args, "create-admin");
        if (email != null) {
            var user = users.ensure(email, required(args, "password"),
                    AdminUsers.Role.valueOf(orDefault(args, "role", "owner").toUpperCase(Locale.ROOT)),
                    one(args, "project"), args.containsOption("superadmin"));
            out.printf("admin user %s (%s, project %s, superadmin %s)%n", user.email(),
                    user.role().name().toLowerCase(Locale.ROOT), user.projectId(), user.superadmin());
            ran = true;
        }
        return ran;
    }

    private static String one(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static String required(ApplicationArguments args, String name) {
        String value = one(args, name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static String orDefault(ApplicationArguments args, String name, String fallback) {
        String value = one(args, name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
