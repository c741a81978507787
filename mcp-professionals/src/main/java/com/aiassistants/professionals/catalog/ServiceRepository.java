package com.aiassistants.professionals.catalog;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.aiassistants.common.scheduling.ProfessionalsTools.Service;
import com.aiassistants.professionals.search.SearchText;

/** SQL for the services a tenant offers; every statement is scoped by tenant. */
@Repository
public class ServiceRepository {

    /** One row per service with the ids of the active professionals offering it: a single statement. */
    private static final String SELECT = """
            select s.id, s.name, s.description, s.duration_minutes, s.buffer_minutes, s.price, s.currency, s.active,
                   coalesce(array_agg(p.id order by p.id) filter (where p.id is not null), '{}') as professional_ids
            from services s
            left join (service_professionals sp
                       join professionals p on p.tenant_id = sp.tenant_id and p.id = sp.professional_id and p.active)
                   on sp.tenant_id = s.tenant_id and sp.service_id = s.id
            where s.tenant_id = :tenant
            """;
    private static final String GROUP = """

            group by s.id, s.name, s.description, s.duration_minutes, s.buffer_minutes, s.price, s.currency, s.active
            order by s.name, s.id""";

    private final JdbcClient jdbc;

    public ServiceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Active (or all) services, optionally only those the professional offers. */
    public List<Service> list(String tenant, String professionalId, boolean includeInactive) {
        String filter = professionalId == null ? "" : " and exists (select 1 from service_professionals x"
                + " where x.tenant_id = s.tenant_id and x.service_id = s.id and x.professional_id = :professional)";
        var statement = jdbc.sql(SELECT + (includeInactive ? "" : " and s.active") + filter + GROUP)
                .param("tenant", tenant);
        if (professionalId != null) {
            statement = statement.param("professional", professionalId);
        }
        return statement.query(ServiceRepository::map).list();
    }

    public Optional<Service> find(String tenant, String id) {
        return jdbc.sql(SELECT + " and s.id = :id" + GROUP).param("tenant", tenant).param("id", id)
                .query(ServiceRepository::map).optional();
    }

    public record Row(String id, String name, String description, int durationMinutes, int bufferMinutes,
            BigDecimal price, String currency, boolean active) {
    }

    public Optional<Row> findRowForUpdate(String tenant, String id) {
        return jdbc.sql("""
                select id, name, description, duration_minutes, buffer_minutes, price, currency, active
                from services where tenant_id = :tenant and id = :id for update""")
                .param("tenant", tenant).param("id", id)
                .query((rs, n) -> new Row(rs.getString("id"), rs.getString("name"), rs.getString("description"),
                        rs.getInt("duration_minutes"), rs.getInt("buffer_minutes"), rs.getBigDecimal("price"),
                        rs.getString("currency"), rs.getBoolean("active")))
                .optional();
    }

    public void insert(String tenant, Row row) {
        jdbc.sql("""
                insert into services (tenant_id, id, name, search_name, description, duration_minutes, buffer_minutes,
                                      price, currency, active)
                values (:tenant, :id, :name, :search, :description, :duration, :buffer, :price, :currency, :active)""")
                .params(params(tenant, row)).update();
    }

    public void update(String tenant, Row row) {
        jdbc.sql("""
                update services set name = :name, search_name = :search, description = :description,
                       duration_minutes = :duration, buffer_minutes = :buffer, price = :price, currency = :currency,
                       active = :active, updated_at = now()
                where tenant_id = :tenant and id = :id""")
                .params(params(tenant, row)).update();
    }

    public void replaceProfessionals(String tenant, String serviceId, Collection<String> professionalIds) {
        jdbc.sql("delete from service_professionals where tenant_id = :tenant and service_id = :service")
                .param("tenant", tenant).param("service", serviceId).update();
        for (String professionalId : professionalIds) {
            jdbc.sql("""
                    insert into service_professionals (tenant_id, service_id, professional_id)
                    values (:tenant, :service, :professional)""")
                    .param("tenant", tenant).param("service", serviceId).param("professional", professionalId).update();
        }
    }

    private static Map<String, Object> params(String tenant, Row row) {
        var params = new HashMap<String, Object>();
        params.put("tenant", tenant);
        params.put("id", row.id());
        params.put("name", row.name());
        params.put("search", SearchText.normalize(row.name()));
        params.put("description", row.description());
        params.put("duration", row.durationMinutes());
        params.put("buffer", row.bufferMinutes());
        params.put("price", row.price());
        params.put("currency", row.currency());
        params.put("active", row.active());
        return params;
    }

    private static Service map(ResultSet rs, int rowNum) throws SQLException {
        return new Service(rs.getString("id"), rs.getString("name"), rs.getString("description"),
                rs.getInt("duration_minutes"), rs.getInt("buffer_minutes"), rs.getBigDecimal("price"),
                rs.getString("currency"), rs.getBoolean("active"), strings(rs.getArray("professional_ids")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
