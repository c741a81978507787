package com.aiassistants.professionals.directory;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.aiassistants.common.scheduling.ProfessionalsTools.Professional;
import com.aiassistants.professionals.search.SearchText;
import com.aiassistants.professionals.support.Ids;

/** SQL for professionals and their specialty/area labels; every statement is scoped by tenant. */
@Repository
public class ProfessionalRepository {

    /** One row per professional with its specialty, area and the ids of the active services it offers. */
    private static final String SELECT = """
            select p.id, p.name, s.name as specialty, a.name as area, p.email, p.phone, p.active,
                   coalesce(array_agg(sv.id order by sv.id) filter (where sv.id is not null), '{}') as service_ids
            from professionals p
            left join specialties s on s.tenant_id = p.tenant_id and s.id = p.specialty_id
            left join areas a on a.tenant_id = p.tenant_id and a.id = p.area_id
            left join (service_professionals sp
                       join services sv on sv.tenant_id = sp.tenant_id and sv.id = sp.service_id and sv.active)
                   on sp.tenant_id = p.tenant_id and sp.professional_id = p.id
            where p.tenant_id = :tenant
            """;
    private static final String GROUP = " group by p.id, p.name, s.name, a.name, p.email, p.phone, p.active order by p.name, p.id";

    private final JdbcClient jdbc;

    public ProfessionalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Professional> list(String tenant, String serviceId, boolean includeInactive) {
        StringBuilder sql = new StringBuilder(SELECT);
        if (!includeInactive) {
            sql.append(" and p.active");
        }
        if (serviceId != null) {
            sql.append(" and exists (select 1 from service_professionals x where x.tenant_id = p.tenant_id"
                    + " and x.professional_id = p.id and x.service_id = :service)");
        }
        var statement = jdbc.sql(sql + GROUP).param("tenant", tenant);
        if (serviceId != null) {
            statement = statement.param("service", serviceId);
        }
        return statement.query(ProfessionalRepository::map).list();
    }

    public Optional<Professional> find(String tenant, String id) {
        return jdbc.sql(SELECT + " and p.id = :id" + GROUP).param("tenant", tenant).param("id", id)
                .query(ProfessionalRepository::map).optional();
    }

    public boolean exists(String tenant, String id) {
        return jdbc.sql("select count(*) from professionals where tenant_id = :tenant and id = :id")
                .param("tenant", tenant).param("id", id).query(Integer.class).single() > 0;
    }

    /** Locks the professional's row for the rest of the transaction; false when it does not exist. */
    public boolean lock(String tenant, String id) {
        return jdbc.sql("select id from professionals where tenant_id = :tenant and id = :id for update")
                .param("tenant", tenant).param("id", id).query(String.class).optional().isPresent();
    }

    public int countExisting(String tenant, Collection<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from professionals where tenant_id = :tenant and id in (:ids)")
                .param("tenant", tenant).param("ids", ids).query(Integer.class).single();
    }

    /** Replaces the services a professional gives (the ids must exist; checked by the caller). */
    public void replaceServices(String tenant, String professionalId, Collection<String> serviceIds) {
        jdbc.sql("delete from service_professionals where tenant_id = :tenant and professional_id = :professional")
                .param("tenant", tenant).param("professional", professionalId).update();
        for (String serviceId : serviceIds) {
            jdbc.sql("""
                    insert into service_professionals (tenant_id, service_id, professional_id)
                    values (:tenant, :service, :professional)""")
                    .param("tenant", tenant).param("service", serviceId).param("professional", professionalId).update();
        }
    }

    public int countExistingServices(String tenant, Collection<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from services where tenant_id = :tenant and id in (:ids)")
                .param("tenant", tenant).param("ids", ids).query(Integer.class).single();
    }

    public boolean any(String tenant) {
        return jdbc.sql("select exists (select 1 from professionals where tenant_id = :tenant)")
                .param("tenant", tenant).query(Boolean.class).single();
    }

    public record Row(String id, String name, String specialtyId, String areaId, String email, String phone,
            boolean active) {
    }

    public Optional<Row> findRow(String tenant, String id) {
        return jdbc.sql("""
                select id, name, specialty_id, area_id, email, phone, active from professionals
                where tenant_id = :tenant and id = :id for update""")
                .param("tenant", tenant).param("id", id)
                .query((rs, n) -> new Row(rs.getString("id"), rs.getString("name"), rs.getString("specialty_id"),
                        rs.getString("area_id"), rs.getString("email"), rs.getString("phone"), rs.getBoolean("active")))
                .optional();
    }

    public void insert(String tenant, Row row) {
        jdbc.sql("""
                insert into professionals (tenant_id, id, name, search_name, specialty_id, area_id, email, phone, active)
                values (:tenant, :id, :name, :search, :specialty, :area, :email, :phone, :active)""")
                .param("tenant", tenant).param("id", row.id()).param("name", row.name())
                .param("search", SearchText.normalize(row.name())).param("specialty", row.specialtyId())
                .param("area", row.areaId()).param("email", row.email()).param("phone", row.phone())
                .param("active", row.active()).update();
    }

    public void update(String tenant, Row row) {
        jdbc.sql("""
                update professionals set name = :name, search_name = :search, specialty_id = :specialty, area_id = :area,
                       email = :email, phone = :phone, active = :active, updated_at = now()
                where tenant_id = :tenant and id = :id""")
                .param("tenant", tenant).param("id", row.id()).param("name", row.name())
                .param("search", SearchText.normalize(row.name())).param("specialty", row.specialtyId())
                .param("area", row.areaId()).param("email", row.email()).param("phone", row.phone())
                .param("active", row.active()).update();
    }

    /** The id of the specialty with this name (accents and case ignored), created when new. */
    public String specialtyId(String tenant, String name) {
        return labelId("specialties", Ids.SPECIALTY, tenant, name);
    }

    /** The id of the area with this name (accents and case ignored), created when new. */
    public String areaId(String tenant, String name) {
        return labelId("areas", Ids.AREA, tenant, name);
    }

    private String labelId(String table, String prefix, String tenant, String name) {
        // "do update" (a no-op) rather than "do nothing" so that RETURNING yields the existing row's id
        return jdbc.sql("insert into " + table + " (tenant_id, id, name, search_name) values (:tenant, :id, :name, :search)"
                + " on conflict (tenant_id, search_name) do update set search_name = excluded.search_name returning id")
                .param("tenant", tenant).param("id", Ids.newId(prefix)).param("name", name)
                .param("search", SearchText.normalize(name)).query(String.class).single();
    }

    private static Professional map(ResultSet rs, int rowNum) throws SQLException {
        return new Professional(rs.getString("id"), rs.getString("name"), rs.getString("specialty"),
                rs.getString("area"), rs.getString("email"), rs.getString("phone"), rs.getBoolean("active"),
                strings(rs.getArray("service_ids")));
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.asList((String[]) array.getArray());
    }
}
