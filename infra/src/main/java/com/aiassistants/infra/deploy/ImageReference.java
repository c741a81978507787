package com.aiassistants.infra.deploy;

/**
 * An image reference split into registry, repository and tag, e.g.
 * {@code 123456789012.dkr.ecr.eu-west-1.amazonaws.com/ai-assistants/backend-api:abc123}.
 */
public record ImageReference(String registry, String repository, String tag) {

    public static ImageReference parse(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = withoutDigest.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a registry image: " + image);
        }
        String registry = withoutDigest.substring(0, slash);
        String rest = withoutDigest.substring(slash + 1);
        int colon = rest.lastIndexOf(':');
        return colon < 0
                ? new ImageReference(registry, rest, "latest")
                : new ImageReference(registry, rest.substring(0, colon), rest.substring(colon + 1));
    }

    public String withTag(String newTag) {
        return registry + "/" + repository + ":" + newTag;
    }
}
