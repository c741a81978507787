package com.aiassistants.infra.migration;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Old {@code areas}, {@code specialties} and {@code professionals} → mcp-professionals.
 *
 * <p>Expected old columns (others are ignored; [] = optional):
 * <ul>
 * <li>{@code areas(area_id | id, name, [project_id])}</li>
 * <li>{@code specialties(specialty_id | id, name, [area_id], [project_id])}</li>
 * <li>{@code professionals(professional_id | id, name | full_name, [specialty_id], [area_id], [specialty],
 *     [area], [email], [phone], [active | is_active], [project_id])}</li>
 * </ul>
 * Ids become {@code area-legacy-<old id>}, {@code spc-legacy-<old id>}, {@code pro-legacy-<old id>}.
 * An area or specialty whose name (compared as mcp-professionals does) already exists for the
 * tenant is not duplicated: the old id is mapped onto the existing row. An invalid e-mail or phone
 * is left out with a warning rather than losing the professional.
 */
final class DirectoryImporter {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final MigrationRun run;
    /** tenant → old id → target id, for areas and specialties (used by professionals). */
    private final Map<String, Map<String, String>> areaIds = new HashMap<>();
    private final Map<String, Map<String, String>> specialtyIds = new HashMap<>();
    /** tenant → old specialty id → old area id (an old specialty's area gives its professionals an area). */
    private final Map<String, Map<String, String>> specialtyAreas = new HashMap<>();

    /** old professional id → its (first) old specialty id, from professional_specialties. */
    private final Map<String, String> professionalSpecialty = new HashMap<>();

    DirectoryImporter(MigrationRun run) {
        this.run = run;
    }

    void run() throws SQLException {
        named("areas", "professionals.areas", new String[] {"area_id", "id"}, areaIds, LegacyIds::area);
        named("specialties", "professionals.specialties", new String[] {"specialty_id", "id"}, specialtyIds,
                LegacyIds::specialty);
        readProfessionalSpecialties();
        professionals();
    }

    /**
     * The old many-to-many {@code professional_specialties}: the new directory keeps one specialty per
     * professional, so a professional's first row (insertion order) gives it; the others are warnings
     * on the professional, and rows of professionals or specialties that do not exist are rejected.
     */
    private void readProfessionalSpecialties() throws SQLException {
        TableReport report = run.report().table("professionals.professionals.specialty_id", "professional_specialties");
        Set<String> oldProfessionals = new HashSet<>();
        for (LegacyRow row : run.legacy().rows("professionals")) {
            if (row.text("professional_id", "id") != null) {
                oldProfessionals.add(row.text("professional_id", "id"));
            }
        }
        Set<String> oldSpecialties = new HashSet<>();
        for (LegacyRow row : run.legacy().rows("specialties")) {
            if (row.text("specialty_id", "id") != null) {
                oldSpecialties.add(row.text("specialty_id", "id"));
            }
        }
        for (LegacyRow row : run.rows("professional_specialties", report)) {
            report.read();
            String professional = row.text("professional_id");
            String specialty = row.text("specialty_id");
            String legacyId = professional + "/" + specialty;
            if (professional == null || !oldProfessionals.contains(professional)) {
                report.rejected(legacyId, "orphan row: professional '" + professional + "' does not exist in the old professionals");
            } else if (specialty == null || !oldSpecialties.contains(specialty)) {
                report.rejected(legacyId, "orphan row: specialty '" + specialty + "' does not exist in the old specialties");
            } else if (professionalSpecialty.putIfAbsent(professional, specialty) == null) {
                String tenant = run.tenants().of(row);
                if (tenant != null && run.target().exists(
                        "SELECT 1 FROM professionals.professionals WHERE tenant_id = ? AND id = ?", tenant,
                        LegacyIds.professional(professional))) {
                    report.skippedExisting();
                } else {
                    report.inserted();
                }
            } else {
                report.rejected(legacyId, "the new directory keeps one specialty per professional; kept "
                        + professionalSpecialty.get(professional));
            }
        }
    }

    private void named(String source, String target, String[] idColumns, Map<String, Map<String, String>> ids,
            UnaryOperator<String> legacyId) throws SQLException {
        TableReport report = run.report().table(target, source);
        for (LegacyRow row : run.rows(source, report)) {
            report.read();
            String oldId = row.text(idColumns);
            String tenant = run.tenants().of(row);
            String name = row.text("name", "nombre", "title");
            if (!complete(report, oldId, idColumns[0], tenant, name)) {
                continue;
            }
            if ("specialties".equals(source) && row.text("area_id") != null) {
                specialtyAreas.computeIfAbsent(tenant, t -> new HashMap<>()).put(oldId, row.text("area_id"));
            }
            String id = legacyId.apply(oldId);
            String searchName = LegacyIds.searchName(name);
            Optional<String> existing = run.target().queryOne(
                    "SELECT id FROM " + target + " WHERE tenant_id = ? AND (id = ? OR search_name = ?) ORDER BY id = ? DESC LIMIT 1",
                    rs -> rs.getString(1), tenant, id, searchName, id);
            if (existing.isPresent()) {
                ids.computeIfAbsent(tenant, t -> new HashMap<>()).put(oldId, existing.get());
                report.skippedExisting();
                if (!existing.get().equals(id)) {
                    report.warning(oldId, "same name as existing " + existing.get() + "; mapped onto it");
                }
                continue;
            }
            try {
                run.target().inSavepoint(c -> run.target().update(
                        "INSERT INTO " + target + " (tenant_id, id, name, search_name) VALUES (?, ?, ?, ?)",
                        tenant, id, name, searchName));
                ids.computeIfAbsent(tenant, t -> new HashMap<>()).put(oldId, id);
                report.inserted();
            } catch (SQLException e) {
                report.rejected(oldId, "refused by the database: " + SqlErrors.describe(e));
            }
        }
    }

    private void professionals() throws SQLException {
        TableReport report = run.report().table("professionals.professionals", "professionals");
        for (LegacyRow row : run.rows("professionals", report)) {
            report.read();
            String oldId = row.text("professional_id", "id");
            String tenant = run.tenants().of(row);
            String name = row.text("name", "full_name", "nombre");
            if (!complete(report, oldId, "professional_id", tenant, name)) {
                continue;
            }
            String id = LegacyIds.professional(oldId);
            if (run.target().exists("SELECT 1 FROM professionals.professionals WHERE tenant_id = ? AND id = ?", tenant, id)) {
                report.skippedExisting();
                continue;
            }
            String oldSpecialty = row.text("specialty_id") != null ? row.text("specialty_id")
                    : professionalSpecialty.get(oldId);
            String specialtyId = link(tenant, oldSpecialty, row.text("specialty", "specialty_name"), specialtyIds,
                    "professionals.specialties", "specialty", oldId, report);
            String oldArea = row.text("area_id");
            if (oldArea == null && oldSpecialty != null) {
                oldArea = specialtyAreas.getOrDefault(tenant, Map.of()).get(oldSpecialty);
            }
            String areaId = link(tenant, oldArea, row.text("area", "area_name"), areaIds, "professionals.areas", "area",
                    oldId, report);
            String email = row.text("email");
            if (email != null && !EMAIL.matcher(email).matches()) {
                report.warning(oldId, "email '" + email + "' is not an e-mail address; left empty");
                email = null;
            }
            String phone = LegacyPhones.typed(row.text("phone", "telefono", "whatsapp"));
            if (row.text("phone", "telefono", "whatsapp") != null && phone == null) {
                report.warning(oldId, "phone is not in international form (+country…); left empty");
            }
            boolean active = active(row.raw("active", "is_active", "activo"));
            String finalEmail = email;
            try {
                run.target().inSavepoint(c -> run.target().update("""
                        INSERT INTO professionals.professionals
                            (tenant_id, id, name, search_name, specialty_id, area_id, email, phone, active)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        tenant, id, name, LegacyIds.searchName(name), specialtyId, areaId, finalEmail, phone, active));
                report.inserted();
            } catch (SQLException e) {
                report.rejected(oldId, "refused by the database: " + SqlErrors.describe(e));
            }
        }
    }

    /** The target id for an old link: by old id (this run or a previous one), else by name; null with a warning. */
    private String link(String tenant, String oldId, String name, Map<String, Map<String, String>> ids, String table,
            String what, String professional, TableReport report) throws SQLException {
        if (oldId != null) {
            String mapped = ids.getOrDefault(tenant, Map.of()).get(oldId);
            if (mapped != null) {
                return mapped;
            }
            String legacy = "area".equals(what) ? LegacyIds.area(oldId) : LegacyIds.specialty(oldId);
            Optional<String> found = run.target().queryOne("SELECT id FROM " + table + " WHERE tenant_id = ? AND id IN (?, ?)",
                    rs -> rs.getString(1), tenant, legacy, oldId);
            if (found.isPresent()) {
                return found.get();
            }
        }
        if (name != null) {
            Optional<String> byName = run.target().queryOne("SELECT id FROM " + table + " WHERE tenant_id = ? AND search_name = ?",
                    rs -> rs.getString(1), tenant, LegacyIds.searchName(name));
            if (byName.isPresent()) {
                return byName.get();
            }
        }
        if (oldId != null || name != null) {
            report.warning(professional, "unknown " + what + " '" + (oldId != null ? oldId : name) + "'; left empty");
        }
        return null;
    }

    /** Whether a directory row has an id, a project and a name; if not, it is rejected saying which is missing. */
    private static boolean complete(TableReport report, String oldId, String idColumn, String tenant, String name) {
        if (oldId == null) {
            report.rejected(null, "missing " + idColumn);
        } else if (tenant == null) {
            report.rejected(oldId, "no project and no --tenant");
        } else if (name == null) {
            report.rejected(oldId, "missing name");
        } else {
            return true;
        }
        return false;
    }

    private static boolean active(Object value) {
        if (value == null) {
            return true;
        }
        String text = value.toString().trim().toLowerCase(java.util.Locale.ROOT);
        return !(text.equals("0") || text.equals("false") || text.equals("f") || text.equals("no") || text.equals("n")
                || text.equals("inactive") || text.equals("inactivo"));
    }
}
