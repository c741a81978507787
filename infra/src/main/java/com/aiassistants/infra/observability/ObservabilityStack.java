package com.aiassistants.infra.observability;

import com.aiassistants.infra.DeploymentConfig;
import com.aiassistants.infra.catalog.ServiceCatalog;
import com.aiassistants.infra.catalog.ServiceSpec;
import com.aiassistants.infra.data.DataStack;
import com.aiassistants.infra.edge.EdgeStack;
import com.aiassistants.infra.security.SecurityStack;
import com.aiassistants.infra.services.ServicesStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeElb;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * Alarms from the seed plan (CPU > 80 %, memory > 85 %, DB connections > 80 % of max_connections,
 * p99 latency > 2 s, 5xx > 5 %, unhealthy targets, gateway disconnected) to one SNS topic, and a
 * CloudWatch dashboard.
 */
public class ObservabilityStack extends Stack {

    public static final double CPU_THRESHOLD = 80;
    public static final double MEMORY_THRESHOLD = 85;
    public static final double DB_CONNECTIONS_RATIO = 0.8;
    public static final double P99_LATENCY_SECONDS = 2;
    public static final double ERROR_RATE_PERCENT = 5;

    private final Topic alarmTopic;
    private final SnsAction action;
    private final List<Alarm> alarms = new ArrayList<>();

    public ObservabilityStack(Construct scope, String id, StackProps props, DeploymentConfig config,
                              DataStack data, EdgeStack edge, ServicesStack services, SecurityStack security) {
        super(scope, id, props);
        alarmTopic = Topic.Builder.create(this, "Alarms")
                .topicName("ai-assistants-" + config.env() + "-alarms")
                .displayName("ai-assistants " + config.env() + " alarms")
                // alarm texts name services and thresholds only, but the topic is encrypted and TLS-only all the same
                .masterKey(security.logsKey())
                .enforceSsl(true)
                .build();
        if (!config.alarmEmail().isBlank()) {
            alarmTopic.addSubscription(new EmailSubscription(config.alarmEmail()));
        }
        action = new SnsAction(alarmTopic);
        String prefix = "ai-assistants-" + config.env() + "-";
        Duration fiveMinutes = Duration.minutes(5);

        List<IMetric> cpu = new ArrayList<>();
        List<IMetric> memory = new ArrayList<>();
        for (ServiceSpec spec : ServiceCatalog.ALL) {
            FargateService service = services.service(spec.name());
            IMetric serviceCpu = service.metricCpuUtilization(MetricOptions.builder().period(fiveMinutes).label(spec.name()).build());
            IMetric serviceMemory = service.metricMemoryUtilization(MetricOptions.builder().period(fiveMinutes).label(spec.name()).build());
            cpu.add(serviceCpu);
            memory.add(serviceMemory);
            alarm(prefix + spec.name() + "-cpu-high", spec.name() + " CPU above " + CPU_THRESHOLD + "%",
                    serviceCpu, CPU_THRESHOLD, 2, ComparisonOperator.GREATER_THAN_THRESHOLD, TreatMissingData.NOT_BREACHING);
            alarm(prefix + spec.name() + "-memory-high", spec.name() + " memory above " + MEMORY_THRESHOLD + "%",
                    serviceMemory, MEMORY_THRESHOLD, 2, ComparisonOperator.GREATER_THAN_THRESHOLD, TreatMissingData.NOT_BREACHING);
        }

        double maxConnections = config.sizing().dbMaxConnections();
        IMetric dbConnections = data.database().metricDatabaseConnections(MetricOptions.builder().period(fiveMinutes).statistic("Maximum").build());
        alarm(prefix + "db-connections-high", "PostgreSQL connections above 80% of max_connections (" + (int) maxConnections + ")",
                dbConnections, maxConnections * DB_CONNECTIONS_RATIO, 2, ComparisonOperator.GREATER_THAN_THRESHOLD,
                TreatMissingData.NOT_BREACHING);
        IMetric dbCpu = data.database().metricCPUUtilization(MetricOptions.builder().period(fiveMinutes).build());
        alarm(prefix + "db-cpu-high", "PostgreSQL CPU above " + CPU_THRESHOLD + "%", dbCpu, CPU_THRESHOLD, 2,
                ComparisonOperator.GREATER_THAN_THRESHOLD, TreatMissingData.NOT_BREACHING);

        var albMetrics = edge.loadBalancer().getMetrics();
        IMetric p99 = albMetrics.targetResponseTime(MetricOptions.builder().statistic("p99").period(fiveMinutes).build());
        alarm(prefix + "latency-p99-high", "ALB target p99 latency above " + P99_LATENCY_SECONDS + " s", p99,
                P99_LATENCY_SECONDS, 2, ComparisonOperator.GREATER_THAN_THRESHOLD, TreatMissingData.NOT_BREACHING);

        MetricOptions sum = MetricOptions.builder().statistic("Sum").period(fiveMinutes).build();
        MathExpression errorRate = MathExpression.Builder.create()
                .expression("100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests")
                .usingMetrics(Map.of(
                        "target5xx", albMetrics.httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, sum),
                        "elb5xx", albMetrics.httpCodeElb(HttpCodeElb.ELB_5XX_COUNT, sum),
                        "requests", albMetrics.requestCount(sum)))
                .label("5xx %")
                .period(fiveMinutes)
                .build();
        alarm(prefix + "5xx-rate-high", "5xx responses above " + ERROR_RATE_PERCENT + "% of requests", errorRate,
                ERROR_RATE_PERCENT, 2, ComparisonOperator.GREATER_THAN_THRESHOLD, TreatMissingData.NOT_BREACHING);

        List<IMetric> unhealthy = new ArrayList<>();
        for (ServiceSpec spec : ServiceCatalog.ALL) {
            ApplicationTargetGroup targets = services.targetGroup(spec.name());
            if (targets == null) {
                continue;
            }
            IMetric metric = targets.getMetrics().unhealthyHostCount(MetricOptions.builder()
                    .statistic("Maximum").period(Duration.minutes(1)).label(spec.name()).build());
            unhealthy.add(metric);
            alarm(prefix + spec.name() + "-unhealthy-targets", spec.name() + " has unhealthy ALB targets", metric,
                    0, 3, ComparisonOperator.GREATER_THAN_THRESHOLD, TreatMissingData.NOT_BREACHING);
        }

        // published by the gateway every minute: 1 while the WhatsApp session is connected
        Metric connected = Metric.Builder.create()
                .namespace(ServiceCatalog.METRICS_NAMESPACE)
                .metricName(ServiceCatalog.GATEWAY_CONNECTED_METRIC)
                .statistic("Minimum")
                .period(Duration.minutes(1))
                .build();
        alarm(prefix + "whatsapp-gateway-disconnected",
                "WhatsApp session disconnected (or gateway not reporting) for 5 minutes: see the runbook in docs/deployment.md",
                connected, 1, 5, ComparisonOperator.LESS_THAN_THRESHOLD, TreatMissingData.BREACHING);
        Metric gatewayTasks = Metric.Builder.create()
                .namespace("ECS/ContainerInsights")
                .metricName("RunningTaskCount")
                .dimensionsMap(Map.of("ClusterName", ServiceCatalog.clusterName(config.env()),
                        "ServiceName", ServiceCatalog.WHATSAPP_GATEWAY.name()))
                .statistic("Minimum")
                .period(Duration.minutes(1))
                .build();
        alarm(prefix + "whatsapp-gateway-not-running", "No WhatsApp gateway task running", gatewayTasks, 1, 5,
                ComparisonOperator.LESS_THAN_THRESHOLD, TreatMissingData.BREACHING);

        // mcp-llm counts provider failures that need a person (quota used up, key refused) per provider and
        // reason; a Metrics Insights query sums every series, whatever providers are configured
        MathExpression llmAlerts = MathExpression.Builder.create()
                .expression("SELECT SUM(\"" + ServiceCatalog.LLM_ALERTS_METRIC + "\") FROM SCHEMA(\""
                        + ServiceCatalog.METRICS_NAMESPACE + "\", provider, reason)")
                .usingMetrics(Map.of())
                .period(fiveMinutes)
                .label("LLM provider alerts")
                .build();
        alarm(prefix + "llm-provider-needs-attention",
                "An LLM provider refused for good (quota used up or credentials refused): the agent answers with the "
                        + "deterministic engine until someone acts; see mcp-llm/README.md",
                llmAlerts, 0, 1, ComparisonOperator.GREATER_THAN_THRESHOLD, TreatMissingData.NOT_BREACHING);

        List<IWidget> row1 = List.of(
                graph("ALB requests and 5xx %", List.of(albMetrics.requestCount(sum)), List.of(errorRate)),
                graph("ALB target latency p99 (s)", List.of(p99), List.of()),
                graph("WhatsApp gateway connected", List.of(connected, gatewayTasks), List.of()));
        List<IWidget> row2 = List.of(
                graph("Service CPU %", cpu, List.of()),
                graph("Service memory %", memory, List.of()),
                graph("Unhealthy ALB targets", unhealthy, List.of()));
        List<IWidget> row3 = List.of(
                graph("PostgreSQL connections", List.of(dbConnections), List.of()),
                graph("PostgreSQL CPU %", List.of(dbCpu), List.of()));
        Dashboard.Builder.create(this, "Dashboard")
                .dashboardName("ai-assistants-" + config.env())
                .widgets(List.of(row1, row2, row3))
                .build();
    }

    private void alarm(String name, String description, IMetric metric, double threshold, int periods,
                       ComparisonOperator comparison, TreatMissingData missing) {
        Alarm alarm = Alarm.Builder.create(this, name.replaceAll("[^A-Za-z0-9]", ""))
                .alarmName(name)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(periods)
                .datapointsToAlarm(periods)
                .comparisonOperator(comparison)
                .treatMissingData(missing)
                .build();
        alarm.addAlarmAction(action);
        alarm.addOkAction(action);
        alarms.add(alarm);
    }

    private static GraphWidget graph(String title, List<IMetric> left, List<IMetric> right) {
        return GraphWidget.Builder.create().title(title).left(left).right(right).width(8).height(6).build();
    }

    public Topic alarmTopic() {
        return alarmTopic;
    }

    public List<Alarm> alarms() {
        return alarms;
    }
}
