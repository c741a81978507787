package com.aiassistants.backend.memory;

import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.backend.support.Inputs;
import com.aiassistants.backend.tenant.Caller;

import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET|DELETE /v1/memory} for the customer in {@code X-Customer-Id}, within the caller's project. */
@RestController
@Tag(name = "memory")
public class MemoryController {

    private final CustomerMemory memory;

    private final java.time.Clock clock;

    public MemoryController(CustomerMemory memory, java.time.Clock clock) {
        this.clock = clock;
        this.memory = memory;
    }

    public record MemoryView(String customerId, Map<String, String> memory) {
    }

    public record Forgotten(String customerId, int deleted) {
    }

    @GetMapping("/v1/memory")
    public MemoryView read(Caller caller, @RequestHeader("X-Customer-Id") String customerId) {
        Inputs.opaqueId("customer_id", customerId);
        return new MemoryView(customerId, memory.read(caller.projectId(), customerId, clock.instant()));
    }

    @DeleteMapping("/v1/memory")
    public Forgotten forget(Caller caller, @RequestHeader("X-Customer-Id") String customerId) {
        Inputs.opaqueId("customer_id", customerId);
        return new Forgotten(customerId, memory.forget(caller.projectId(), customerId));
    }
}
