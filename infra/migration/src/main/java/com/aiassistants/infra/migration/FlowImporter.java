package com.aiassistants.infra.migration;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Old flows (booking_flow.db: {@code flows}, {@code flow_stages}) → the project's flow settings in
 * backend-api ({@code project.settings.flow}, snake_case as the console writes it, with a
 * {@code project_settings_version} row by {@code legacy-migration}). From the active {@code bookings}
 * flow: its {@code greeting} stage → {@code greeting}; its {@code system_prompt} stage →
 * {@code system_prompt}; a required {@code customer_name} input → {@code required_fields: ["name"]}
 * (date, time and service inputs are asked by the new assistant anyway); and the activation codes the
 * old router understood for bookings and the menu ({@code FLOW_RESERVA_INIT}, {@code START_RESERVA},
 * {@code MENU_INIT}…) so links already printed or shared keep working. A project whose flow was already
 * set (in the console, or by a previous run) is left as it is. Other flows, stages and the automata
 * tables are listed as not migrated.
 */
final class FlowImporter {

    /** Codes of the old router's {@code _detect_flow_activation_code} that lead to bookings or the menu. */
    static final Map<String, String> OLD_ACTIVATION_CODES = codes();

    private final MigrationRun run;
    private final JsonMapper json;

    FlowImporter(MigrationRun run, JsonMapper json) {
        this.run = run;
        this.json = json;
    }

    void run() throws SQLException {
        TableReport report = run.report().table("backend.project.settings.flow", "flows");
        List<LegacyRow> flows = run.rows("flows", report);
        if (flows.isEmpty()) {
            return;
        }
        List<LegacyRow> stages = run.legacy().rows("flow_stages");
        Optional<LegacyRow> chosen = flows.stream()
                .filter(f -> "bookings".equalsIgnoreCase(f.text("domain")) && !"0".equals(f.text("is_active")))
                .min(Comparator.comparing(f -> String.valueOf(f.text("created_at"))));
        List<String> others = new ArrayList<>();
        for (LegacyRow flow : flows) {
            report.read();
            String id = flow.text("flow_id");
            if (chosen.isEmpty() || chosen.get() != flow) {
                others.add(id);
                report.rejected(id, "only the first active bookings flow maps onto the project's flow settings (domain "
                        + flow.text("domain") + ", active " + flow.text("is_active") + ")");
            }
        }
        if (chosen.isEmpty()) {
            return;
        }
        LegacyRow flow = chosen.get();
        String flowId = flow.text("flow_id");
        String tenant = run.tenants().of(flow);
        if (tenant == null || !run.tenants().projectExists(tenant)) {
            report.rejected(flowId, "project '" + tenant + "' does not exist in backend-api");
            return;
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (LegacyRow stage : stages) {
            if (!flowId.equals(stage.text("flow_id"))) {
                continue;
            }
            String type = String.valueOf(stage.text("stage_type"));
            String prompt = stage.text("prompt_text");
            switch (type) {
                case "greeting" -> {
                    if (prompt != null) {
                        settings.put("greeting", truncate(prompt, 1000, flowId, "greeting", report));
                    }
                }
                case "system_prompt" -> {
                    if (prompt != null) {
                        settings.put("system_prompt", truncate(prompt, 20000, flowId, "system prompt", report));
                    }
                }
                case "input" -> {
                    if ("customer_name".equals(stage.text("field_name")) && !"0".equals(stage.text("is_required"))) {
                        required.add("name");
                    }
                }
                default -> {
                    // confirmation and other stages: the new assistant has its own
                }
            }
        }
        settings.put("required_fields", required);
        settings.put("activation_codes", OLD_ACTIVATION_CODES);
        Optional<Boolean> hasFlow = run.target().queryOne(
                "SELECT settings -> 'flow' IS NOT NULL FROM backend.project WHERE id = ?", rs -> rs.getBoolean(1), tenant);
        if (hasFlow.orElse(false)) {
            report.skippedExisting();
            report.warning(flowId, "the project already has flow settings: left as they are");
            return;
        }
        ObjectNode flowNode = json.valueToTree(settings);
        try {
            run.target().inSavepoint(c -> {
                run.target().update("""
                        UPDATE backend.project SET settings = jsonb_set(settings, '{flow}', CAST(? AS jsonb)), updated_at = now()
                         WHERE id = ?""", json.writeValueAsString(flowNode), tenant);
                return run.target().update("""
                        INSERT INTO backend.project_settings_version (project_id, settings, changed_by)
                        SELECT id, settings, 'legacy-migration' FROM backend.project WHERE id = ?""", tenant);
            });
            report.inserted();
        } catch (SQLException e) {
            report.rejected(flowId, "refused by the database: " + SqlErrors.describe(e));
        }
    }

    private static String truncate(String text, int max, String flowId, String what, TableReport report) {
        if (text.length() <= max) {
            return text;
        }
        report.warning(flowId, what + " longer than " + max + " characters: cut");
        return text.substring(0, max);
    }

    private static Map<String, String> codes() {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String name : List.of("RESERVA", "RESERVAS", "BOOKING")) {
            codes.put("FLOW_" + name + "_INIT", "book");
            codes.put("START_" + name, "book");
        }
        for (String code : List.of("MENU_INIT", "FLOW_MENU_INIT", "START_MENU")) {
            codes.put(code, "menu");
        }
        return Map.copyOf(codes);
    }
}
