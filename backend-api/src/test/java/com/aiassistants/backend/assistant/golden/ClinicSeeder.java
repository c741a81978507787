package com.aiassistants.backend.assistant.golden;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.scheduling.ProfessionalsTools;
import com.aiassistants.common.scheduling.ProfessionalsTools.Professional;
import com.aiassistants.common.scheduling.ProfessionalsTools.Service;

/**
 * Creates the golden dialogues' demo clinic (the catalogue and hours of {@link DemoClinic}, the one
 * source of that data) for one tenant through the real mcp-professionals write tools. The server
 * generates ids, so the result maps the dialogues' ids ({@code svc-limpieza}, {@code pro-perez}, …)
 * to the generated ones and back.
 */
final class ClinicSeeder {

    private final McpToolClient professionals;

    ClinicSeeder(McpToolClient professionals) {
        this.professionals = professionals;
    }

    /** The dialogue ids ↔ generated ids of one tenant's clinic. */
    record Ids(Map<String, String> toReal, Map<String, String> toDialogue) {

        String real(String dialogueId) {
            return dialogueId == null ? null : toReal.getOrDefault(dialogueId, dialogueId);
        }

        /** Rewrites each {@code :}-separated part of an interactive id, e.g. {@code svc:svc-kinesio}. */
        String realReply(String replyId) {
            return replyId == null ? null : mapParts(replyId, toReal);
        }

        String dialogueReply(String replyId) {
            return replyId == null ? null : mapParts(replyId, toDialogue);
        }

        private static String mapParts(String id, Map<String, String> map) {
            String[] parts = id.split(":", -1);
            for (int i = 0; i < parts.length; i++) {
                parts[i] = map.getOrDefault(parts[i], parts[i]);
            }
            return String.join(":", parts);
        }
    }

    Ids seed(String tenantId, ZoneId zone) {
        DemoClinic clinic = new DemoClinic();
        Map<String, String> toReal = new HashMap<>();
        professionals.call(tenantId, ProfessionalsTools.SET_SCHEDULE_SETTINGS,
                new ProfessionalsTools.SetScheduleSettingsInput(zone.getId()), ProfessionalsTools.ScheduleSettings.class, false);
        for (Professional fake : clinic.professionals) {
            // contact details are left out: they appear in no dialogue and the fake's are not valid numbers
            Professional created = professionals.call(tenantId, ProfessionalsTools.UPSERT_PROFESSIONAL,
                    new ProfessionalsTools.UpsertProfessionalInput(null, fake.name(), fake.specialty(), fake.area(), null, null,
                            true), Professional.class, false);
            toReal.put(fake.id(), created.id());
            professionals.call(tenantId, ProfessionalsTools.SET_WORKING_HOURS,
                    new ProfessionalsTools.SetWorkingHoursInput(created.id(), clinic.weekly), ProfessionalsTools.WorkingHours.class,
                    false);
        }
        for (Service fake : clinic.services) {
            List<String> offeredBy = fake.professionalIds().stream().map(toReal::get).toList();
            Service created = professionals.call(tenantId, ProfessionalsTools.UPSERT_SERVICE,
                    new ProfessionalsTools.UpsertServiceInput(null, fake.name(), fake.description(), fake.durationMinutes(),
                            fake.bufferMinutes(), fake.price(), fake.currency(), offeredBy, true), Service.class, false);
            toReal.put(fake.id(), created.id());
        }
        Map<String, String> toDialogue = new HashMap<>();
        toReal.forEach((dialogueId, realId) -> toDialogue.put(realId, dialogueId));
        return new Ids(Map.copyOf(toReal), Map.copyOf(toDialogue));
    }
}
