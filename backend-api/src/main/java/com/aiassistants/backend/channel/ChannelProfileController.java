package com.aiassistants.backend.channel;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.backend.tenant.Caller;
import com.aiassistants.backend.tenant.Project;
import com.aiassistants.backend.tenant.Projects;
import com.aiassistants.common.channel.ChannelProfile;
import com.aiassistants.common.channel.GatewayContract;
import com.aiassistants.common.web.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The project's language and time zone for the gateway (X-API-Key), so what it writes itself is in the project's language. */
@RestController
@Tag(name = "messages")
public class ChannelProfileController {

    private final Projects projects;

    public ChannelProfileController(Projects projects) {
        this.projects = projects;
    }

    @Operation(summary = "The project's language and time zone, for the WhatsApp gateway (X-API-Key)")
    @GetMapping(GatewayContract.PROFILE_PATH)
    public ChannelProfile profile(Caller caller) {
        if (caller.kind() != Caller.Kind.API_KEY) {
            throw ApiProblem.forbidden("the gateway profile takes the project's X-API-Key");
        }
        Project project = projects.require(caller.projectId());
        return new ChannelProfile(project.id(), project.locale(), project.zone().getId());
    }
}
