package com.aiassistants.backend.customer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.backend.calendar.StaffActors;
import com.aiassistants.backend.customer.CustomerViews.CustomerPage;
import com.aiassistants.backend.customer.CustomerViews.CustomerProfile;
import com.aiassistants.backend.customer.CustomerViews.Erasure;
import com.aiassistants.backend.support.Inputs;
import com.aiassistants.backend.tenant.AdminUsers.Role;
import com.aiassistants.backend.tenant.Caller;
import com.aiassistants.common.web.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The console's customers: every role reads them; forgetting memory, exporting and erasing a patient's data
 * need an admin or owner, and each is recorded in the audit. The project is always the caller's.
 */
@RestController
@Validated
@Tag(name = "customers")
public class CustomerController {

    private final Customers customers;
    private final CustomerErasure erasure;
    private final Clock clock;

    public CustomerController(Customers customers, CustomerErasure erasure, Clock clock) {
        this.clock = clock;
        this.customers = customers;
        this.erasure = erasure;
    }

    @Operation(summary = "Patients the project has talked to, most recently active first; q matches name, id or phone digits")
    @GetMapping("/v1/admin/customers")
    public CustomerPage list(Caller caller, @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return customers.list(caller.requireAdminOnOwnProject(Role.STAFF), q, limit);
    }

    @Operation(summary = "A patient: conversations, memory with expiry, past and future bookings, audit of data requests")
    @GetMapping("/v1/admin/customers/{customerId}")
    public CustomerProfile profile(Caller caller, @PathVariable String customerId) {
        return customers.profile(caller.requireAdminOnOwnProject(Role.STAFF), customer(customerId));
    }

    @Operation(summary = "Forget every memory entry of the patient (admin)")
    @DeleteMapping("/v1/admin/customers/{customerId}/memory")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void forgetAll(Caller caller, @PathVariable String customerId) {
        customers.forget(caller.requireAdminOnOwnProject(Role.ADMIN), StaffActors.of(caller), customer(customerId), null);
    }

    @Operation(summary = "Forget one memory entry of the patient (admin)")
    @DeleteMapping("/v1/admin/customers/{customerId}/memory/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void forget(Caller caller, @PathVariable String customerId, @PathVariable @Size(min = 1, max = 200) String key) {
        customers.forget(caller.requireAdminOnOwnProject(Role.ADMIN), StaffActors.of(caller), customer(customerId), key);
    }

    @Operation(summary = "Everything held about the patient as a JSON download (right of access; admin)")
    @GetMapping("/v1/admin/customers/{customerId}/export")
    public ResponseEntity<Map<String, Object>> export(Caller caller, @PathVariable String customerId) {
        String project = caller.requireAdminOnOwnProject(Role.ADMIN);
        Map<String, Object> export = customers.export(project, StaffActors.of(caller), customer(customerId));
        String file = "customer-" + customerId.replaceAll("[^A-Za-z0-9]", "") + "-" + LocalDate.now(clock) + ".json";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(export);
    }

    @Operation(summary = "Erase the patient's personal data everywhere, keeping anonymous rows for statistics (admin)")
    @PostMapping("/v1/admin/customers/{customerId}/erase")
    public Erasure erase(Caller caller, @PathVariable String customerId) {
        String project = caller.requireAdminOnOwnProject(Role.ADMIN);
        String id = customer(customerId);
        if (id.startsWith(Customers.ERASED_PREFIX)) {
            throw ApiProblem.conflict("already-erased", "this customer was erased already");
        }
        return erasure.erase(project, StaffActors.of(caller), id);
    }

    private static String customer(String customerId) {
        return Inputs.opaqueId("customer_id", customerId);
    }
}
