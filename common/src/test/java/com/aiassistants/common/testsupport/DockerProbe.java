package com.aiassistants.common.testsupport;

/** Whether a Docker engine answers, without failing when Testcontainers is absent. */
final class DockerProbe {

    private DockerProbe() {
    }

    static boolean available() {
        if (System.getenv("TESTCONTAINERS_DISABLED") != null) {
            return false;
        }
        try {
            Class.forName("org.testcontainers.DockerClientFactory");
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
