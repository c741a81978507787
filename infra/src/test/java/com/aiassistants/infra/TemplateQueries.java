package com.aiassistants.infra;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.CfnElement;

/** Small helpers over synthesized templates. */
public final class TemplateQueries {

    private TemplateQueries() {
    }

    public static String logicalId(Stack stack, software.constructs.IConstruct construct) {
        return stack.getLogicalId((CfnElement) construct.getNode().getDefaultChild());
    }

    /** "sourceLogicalId:port" for every SG-to-SG ingress rule targeting {@code target}. */
    @SuppressWarnings("unchecked")
    public static Set<String> ingressFromGroups(Template template, Stack stack, SecurityGroup target) {
        String targetId = logicalId(stack, target);
        Set<String> result = new HashSet<>();
        Map<String, Map<String, Object>> rules = template.findResources("AWS::EC2::SecurityGroupIngress");
        for (Map<String, Object> rule : rules.values()) {
            Map<String, Object> props = (Map<String, Object>) rule.get("Properties");
            if (!targetId.equals(getAttId(props.get("GroupId")))) {
                continue;
            }
            result.add(getAttId(props.get("SourceSecurityGroupId")) + ":" + props.get("FromPort"));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static String getAttId(Object value) {
        if (value instanceof Map<?, ?> map && map.get("Fn::GetAtt") instanceof List<?> list) {
            return (String) list.get(0);
        }
        return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> properties(Template template, String type, String logicalId) {
        Map<String, Object> resource = template.findResources(type).get(logicalId);
        if (resource == null) {
            throw new AssertionError("no " + type + " " + logicalId);
        }
        return (Map<String, Object>) resource.get("Properties");
    }
}
