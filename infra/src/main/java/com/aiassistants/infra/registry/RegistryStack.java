package com.aiassistants.infra.registry;

import com.aiassistants.infra.catalog.ServiceCatalog;
import com.aiassistants.infra.catalog.ServiceSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecr.LifecycleRule;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.amazon.awscdk.services.ecr.TagStatus;
import software.constructs.Construct;

/**
 * One ECR repository per service, scanned on push, with lifecycle rules. A stack of its own
 * because images must be pushed before the services stack can start any task.
 */
public class RegistryStack extends Stack {

    public static final int KEEP_IMAGES = 30;
    public static final int UNTAGGED_EXPIRY_DAYS = 7;

    private final Map<String, Repository> repositories = new LinkedHashMap<>();

    public RegistryStack(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        for (ServiceSpec spec : ServiceCatalog.ALL) {
            Repository repository = Repository.Builder.create(this, spec.pascalName() + "Repository")
                    .repositoryName(spec.repositoryName())
                    .imageScanOnPush(true)
                    // mutable only so the optional "latest" tag can move; deploys always use the git SHA tag
                    .imageTagMutability(TagMutability.MUTABLE)
                    .removalPolicy(RemovalPolicy.RETAIN)
                    .lifecycleRules(List.of(
                            LifecycleRule.builder().rulePriority(1).description("drop untagged layers")
                                    .tagStatus(TagStatus.UNTAGGED).maxImageAge(Duration.days(UNTAGGED_EXPIRY_DAYS)).build(),
                            LifecycleRule.builder().rulePriority(2).description("keep the last " + KEEP_IMAGES + " images")
                                    .tagStatus(TagStatus.ANY).maxImageCount(KEEP_IMAGES).build()))
                    .build();
            repositories.put(spec.name(), repository);
        }
    }

    public Repository repository(String service) {
        return repositories.get(service);
    }
}
