package com.aiassistants.backend.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.backend.calendar.CalendarViews.Range;
import com.aiassistants.backend.calendar.StaffActors;
import com.aiassistants.backend.calendar.CalendarViews.DateOverrideView;
import com.aiassistants.backend.calendar.CalendarViews.HoursRangeView;
import com.aiassistants.backend.calendar.CalendarViews.TimeOffView;
import com.aiassistants.backend.catalogue.Catalogue.FutureBookings;
import com.aiassistants.backend.catalogue.Catalogue.HoursView;
import com.aiassistants.backend.catalogue.Catalogue.ProfessionalView;
import com.aiassistants.backend.catalogue.Catalogue.ServiceView;
import com.aiassistants.backend.support.Inputs;
import com.aiassistants.backend.tenant.AdminUsers.Role;
import com.aiassistants.backend.tenant.Caller;
import com.aiassistants.common.web.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The clinic's catalogue: every console role reads it, only {@code admin} and {@code owner} edit it
 * (staff get 403). The tenant is the caller's project: another project's ids are 404.
 */
@RestController
@Validated
@Tag(name = "catalogue")
public class CatalogueController {

    private final Catalogue catalogue;

    public CatalogueController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    public record ProfessionalRequest(@NotBlank @Size(max = 200) String name,
            @Schema(types = {"string", "null"}) @Size(max = 120) String specialty,
            @Schema(types = {"string", "null"}) @Size(max = 254) String email,
            @Schema(types = {"string", "null"}) @Size(max = 32) String phone,
            @NotNull Boolean active, @NotNull List<@Pattern(regexp = Inputs.ID_PATTERN) String> serviceIds) {

        Catalogue.ProfessionalEdit edit() {
            return new Catalogue.ProfessionalEdit(name.trim(), empty(specialty), empty(email), empty(phone), active,
                    serviceIds);
        }
    }

    public record ServiceRequest(@NotBlank @Size(max = 200) String name,
            @Schema(types = {"string", "null"}) @Size(max = 1000) String description,
            @Min(5) @Max(480) int durationMinutes, @Min(0) @Max(240) int bufferMinutes,
            @Schema(types = {"number", "null"}) @Min(0) BigDecimal price,
            @Schema(types = {"string", "null"}) @Pattern(regexp = "[A-Za-z]{3}") String currency,
            @NotNull Boolean active, @NotNull List<@Pattern(regexp = Inputs.ID_PATTERN) String> professionalIds) {

        Catalogue.ServiceEdit edit() {
            if (price != null && currency == null) {
                throw ApiProblem.badRequest("currency-required", "a price needs its currency, e.g. ARS");
            }
            return new Catalogue.ServiceEdit(name.trim(), description == null ? "" : description.trim(),
                    durationMinutes, bufferMinutes, price, currency, active, professionalIds);
        }
    }

    public record HoursRequest(@NotNull @Size(max = 100) List<@Valid @NotNull Range> ranges) {
    }

    public record TimeOffRequest(@NotNull Instant start, @NotNull Instant end,
            @Schema(types = {"string", "null"}) @Size(max = 200) String reason) {
    }

    public record DateOverrideRequest(@NotNull @Size(max = 24) List<@Valid @NotNull HoursRangeView> ranges,
            @Schema(types = {"string", "null"}) @Size(max = 200) String reason) {
    }

    // ---- professionals ----

    @Operation(summary = "Every professional of the project, inactive ones too")
    @GetMapping("/v1/admin/catalogue/professionals")
    public List<ProfessionalView> professionals(Caller caller) {
        return catalogue.professionals(caller.requireAdminOnOwnProject(Role.STAFF));
    }

    @Operation(summary = "Add a professional (admin)")
    @PostMapping("/v1/admin/catalogue/professionals")
    @ResponseStatus(HttpStatus.CREATED)
    public ProfessionalView createProfessional(Caller caller, @Valid @RequestBody ProfessionalRequest body) {
        String project = caller.requireAdminOnOwnProject(Role.ADMIN);
        return catalogue.saveProfessional(project, actor(caller), null, body.edit(), null, false);
    }

    @Operation(summary = "Edit a professional (admin). Deactivating one with upcoming bookings answers 409 "
            + "future-bookings listing them, unless future_bookings says keep or cancel")
    @PutMapping("/v1/admin/catalogue/professionals/{professionalId}")
    public ProfessionalView updateProfessional(Caller caller, @PathVariable String professionalId,
            @Valid @RequestBody ProfessionalRequest body,
            @Parameter(description = "keep or cancel the upcoming bookings of a professional being deactivated",
                    schema = @Schema(allowableValues = {"keep", "cancel"}))
            @RequestParam(name = "future_bookings", required = false) @Pattern(regexp = "keep|cancel") String futureBookings,
            @Parameter(description = "tell patients of cancelled bookings on WhatsApp")
            @RequestParam(defaultValue = "false") boolean notify) {
        String project = caller.requireAdminOnOwnProject(Role.ADMIN);
        return catalogue.saveProfessional(project, actor(caller), Inputs.id("professional_id", professionalId),
                body.edit(), future(futureBookings), notify);
    }

    @Operation(summary = "A professional's weekly hours (project time zone) and upcoming time off")
    @GetMapping("/v1/admin/catalogue/professionals/{professionalId}/hours")
    public HoursView hours(Caller caller, @PathVariable String professionalId) {
        return catalogue.hours(caller.requireAdminOnOwnProject(Role.STAFF), Inputs.id("professional_id", professionalId));
    }

    @Operation(summary = "Replace a professional's weekly hours (admin); several ranges a day, not overlapping")
    @PutMapping("/v1/admin/catalogue/professionals/{professionalId}/hours")
    public HoursView setHours(Caller caller, @PathVariable String professionalId, @Valid @RequestBody HoursRequest body) {
        String project = caller.requireAdminOnOwnProject(Role.ADMIN);
        return catalogue.setHours(project, Inputs.id("professional_id", professionalId), body.ranges());
    }

    @Operation(summary = "Add time off (admin): no slots are offered inside it")
    @PostMapping("/v1/admin/catalogue/professionals/{professionalId}/time-off")
    @ResponseStatus(HttpStatus.CREATED)
    public TimeOffView addTimeOff(Caller caller, @PathVariable String professionalId,
            @Valid @RequestBody TimeOffRequest body) {
        String project = caller.requireAdminOnOwnProject(Role.ADMIN);
        return catalogue.addTimeOff(project, Inputs.id("professional_id", professionalId), body.start(), body.end(),
                empty(body.reason()));
    }

    @Operation(summary = "Remove time off (admin)")
    @DeleteMapping("/v1/admin/catalogue/professionals/{professionalId}/time-off/{timeOffId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void removeTimeOff(Caller caller, @PathVariable String professionalId, @PathVariable String timeOffId) {
        String project = caller.requireAdminOnOwnProject(Role.ADMIN);
        catalogue.removeTimeOff(project, Inputs.id("professional_id", professionalId), Inputs.id("time_off_id", timeOffId));
    }

    @Operation(summary = "Set different hours on one date of the project's time zone (admin); no ranges = closed "
            + "that day. Setting a date again replaces its override")
    @PutMapping("/v1/admin/catalogue/professionals/{professionalId}/date-overrides/{date}")
    public DateOverrideView setDateOverride(Caller caller, @PathVariable String professionalId,
            @Parameter(description = "local date, e.g. 2026-05-14", schema = @Schema(type = "string", format = "date"))
            @PathVariable LocalDate date, @Valid @RequestBody DateOverrideRequest body) {
        String project = caller.requireAdminOnOwnProject(Role.ADMIN);
        return catalogue.setDateOverride(project, Inputs.id("professional_id", professionalId), date, body.ranges(),
                empty(body.reason()));
    }

    @Operation(summary = "Remove a date override (admin): the weekly hours apply to that date again")
    @DeleteMapping("/v1/admin/catalogue/professionals/{professionalId}/date-overrides/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void removeDateOverride(Caller caller, @PathVariable String professionalId,
            @Parameter(description = "local date, e.g. 2026-05-14", schema = @Schema(type = "string", format = "date"))
            @PathVariable LocalDate date) {
        String project = caller.requireAdminOnOwnProject(Role.ADMIN);
        catalogue.removeDateOverride(project, Inputs.id("professional_id", professionalId), date);
    }

    // ---- services ----

    @Operation(summary = "Every service of the project, inactive ones too")
    @GetMapping("/v1/admin/catalogue/services")
    public List<ServiceView> services(Caller caller) {
        return catalogue.services(caller.requireAdminOnOwnProject(Role.STAFF));
    }

    @Operation(summary = "Add a service (admin)")
    @PostMapping("/v1/admin/catalogue/services")
    @ResponseStatus(HttpStatus.CREATED)
    public ServiceView createService(Caller caller, @Valid @RequestBody ServiceRequest body) {
        String project = caller.requireAdminOnOwnProject(Role.ADMIN);
        return catalogue.saveService(project, actor(caller), null, body.edit(), null, false);
    }

    @Operation(summary = "Edit a service (admin). Deactivating one with upcoming bookings answers 409 "
            + "future-bookings listing them, unless future_bookings says keep or cancel")
    @PutMapping("/v1/admin/catalogue/services/{serviceId}")
    public ServiceView updateService(Caller caller, @PathVariable String serviceId,
            @Valid @RequestBody ServiceRequest body,
            @Parameter(description = "keep or cancel the upcoming bookings of a service being deactivated",
                    schema = @Schema(allowableValues = {"keep", "cancel"}))
            @RequestParam(name = "future_bookings", required = false) @Pattern(regexp = "keep|cancel") String futureBookings,
            @Parameter(description = "tell patients of cancelled bookings on WhatsApp")
            @RequestParam(defaultValue = "false") boolean notify) {
        String project = caller.requireAdminOnOwnProject(Role.ADMIN);
        return catalogue.saveService(project, actor(caller), Inputs.id("service_id", serviceId), body.edit(),
                future(futureBookings), notify);
    }

    private static String actor(Caller caller) {
        return StaffActors.of(caller);
    }

    private static FutureBookings future(String value) {
        return value == null ? null : FutureBookings.valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }

    private static String empty(String value) {
        return value == null ? "" : value.trim();
    }
}
