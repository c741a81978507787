import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a service's CPU went, from a JFR recording (settings=profile): every {@code jdk.ExecutionSample}
 * is charged to the library of the first frame, counted from the leaf, that is not the JDK's own code
 * (a {@code HashMap.get} called by Jackson is Jackson's cost); samples in the JDK's socket code are
 * "network I/O". Prints each category's share of the samples and the twenty hottest non-JDK methods.
 *
 * <pre>java bench/JfrBreakdown.java recording.jfr [cpu-ms-per-turn]</pre>
 * With the service's CPU per turn (from {@code bench/stack-profile.sh}) it also prints milliseconds per turn.
 * <pre>java bench/JfrBreakdown.java recording.jfr --stacks &lt;text&gt; [depth=25]</pre>
 * prints the ten commonest stacks (from the leaf, {@code depth} frames) that have a frame containing {@code text}.
 */
public class JfrBreakdown {

    /** Package prefix → category, the first match wins. */
    static final List<String[]> CATEGORIES = List.of(
            new String[] {"org.postgresql.", "PostgreSQL driver"},
            new String[] {"com.zaxxer.hikari.", "connection pool"},
            new String[] {"com.fasterxml.jackson.", "JSON (Jackson)"},
            new String[] {"tools.jackson.", "JSON (Jackson)"},
            new String[] {"com.networknt.", "JSON schema validation"},
            new String[] {"io.modelcontextprotocol.", "MCP SDK"},
            new String[] {"reactor.", "Reactor (MCP SDK transport)"},
            new String[] {"org.springframework.security.", "Spring Security"},
            new String[] {"org.apache.catalina.", "Tomcat"},
            new String[] {"org.apache.coyote.", "Tomcat"},
            new String[] {"org.apache.tomcat.", "Tomcat"},
            new String[] {"ch.qos.logback.", "logging"},
            new String[] {"net.logstash.", "logging"},
            new String[] {"org.slf4j.", "logging"},
            new String[] {"io.micrometer.", "metrics and observation"},
            new String[] {"org.springframework.transaction.", "Spring transactions"},
            new String[] {"org.springframework.jdbc.", "Spring JDBC"},
            new String[] {"org.springframework.web.", "Spring MVC / HTTP client"},
            new String[] {"org.springframework.http.", "Spring MVC / HTTP client"},
            new String[] {"org.springframework.aop.", "Spring proxies"},
            new String[] {"org.springframework.cglib.", "Spring proxies"},
            new String[] {"org.springframework.", "Spring (other)"},
            new String[] {"io.lettuce.", "Redis client"},
            new String[] {"io.netty.", "Netty (Redis client)"},
            new String[] {"com.github.benmanes.caffeine.", "cache"},
            new String[] {"org.hibernate.validator.", "bean validation"},
            new String[] {"jakarta.", "Jakarta APIs"},
            new String[] {"org.flywaydb.", "Flyway"},
            new String[] {"com.aiassistants.", "application code"});

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java bench/JfrBreakdown.java <recording.jfr> [cpu-ms-per-turn]");
            System.exit(2);
        }
        if (args.length > 2 && args[1].equals("--stacks")) {
            printStacks(Path.of(args[0]), args[2], args.length > 3 ? Integer.parseInt(args[3]) : 25);
            return;
        }
        double msPerTurn = args.length > 1 ? Double.parseDouble(args[1]) : Double.NaN;
        Map<String, Integer> byCategory = new HashMap<>();
        Map<String, Integer> byMethod = new HashMap<>();
        Map<String, Integer> byCaller = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            String category = "JDK (other)";
            String method = null;
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                String type = frame.getMethod().getType().getName();
                if (isJdk(type)) {
                    if (category.equals("JDK (other)") && (type.startsWith("sun.nio.ch.") || type.startsWith("java.net.")
                            || type.startsWith("sun.net.") || type.startsWith("jdk.internal.net."))) {
                        category = "network I/O (JDK)";
                    }
                    continue;
                }
                category = categoryOf(type);
                method = type + "." + frame.getMethod().getName();
                break;
            }
            byCategory.merge(category, 1, Integer::sum);
            byCaller.merge(category + "  <-  " + nearestApplicationFrame(event.getStackTrace().getFrames()), 1, Integer::sum);
            if (method != null) {
                byMethod.merge(method, 1, Integer::sum);
            }
        }
        System.out.printf("%s: %d execution samples%n", args[0], samples);
        print(byCategory, samples, msPerTurn, 40);
        System.out.println("hottest non-JDK methods (self, counted from the leaf):");
        print(byMethod, samples, msPerTurn, 20);
        System.out.println("by category and the nearest application method that led there:");
        print(byCaller, samples, msPerTurn, 40);
    }

    /** The application's own frame closest to the leaf: which of the project's methods the sample was working for. */
    static String nearestApplicationFrame(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("com.aiassistants.")) {
                return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
            }
        }
        return "(no application frame)";
    }

    static void printStacks(Path recording, String text, int depth) throws java.io.IOException {
        Map<String, Integer> stacks = new HashMap<>();
        int matching = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.stream().noneMatch(f -> (f.getMethod().getType().getName() + "." + f.getMethod().getName()).contains(text))) {
                continue;
            }
            matching++;
            StringBuilder stack = new StringBuilder();
            for (RecordedFrame frame : frames.subList(0, Math.min(depth, frames.size()))) {
                stack.append("\n      ").append(frame.getMethod().getType().getName()).append('.').append(frame.getMethod().getName())
                        .append(':').append(frame.getLineNumber());
            }
            stacks.merge(stack.toString(), 1, Integer::sum);
        }
        System.out.printf("%d samples with a frame containing %s%n", matching, text);
        stacks.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                .forEach(e -> System.out.println("  " + e.getValue() + " samples:" + e.getKey()));
    }

    static boolean isJdk(String type) {
        return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("javax.crypto.")
                || type.startsWith("com.sun.");
    }

    static String categoryOf(String type) {
        for (String[] c : CATEGORIES) {
            if (type.startsWith(c[0])) {
                return c[1];
            }
        }
        String[] parts = type.split("\\.");
        return parts.length > 2 ? parts[0] + "." + parts[1] + "." + parts[2] : type;
    }

    static void print(Map<String, Integer> counts, int samples, double msPerTurn, int limit) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> {
                    double share = 100.0 * e.getValue() / Math.max(1, samples);
                    if (Double.isNaN(msPerTurn)) {
                        System.out.printf("  %5.1f %%  %s%n", share, e.getKey());
                    } else {
                        System.out.printf("  %5.1f %%  %6.2f ms/turn  %s%n", share, share * msPerTurn / 100, e.getKey());
                    }
                });
    }
}
