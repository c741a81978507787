package com.aiassistants.gateway.inbox;

import java.sql.Array;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.aiassistants.common.channel.PhoneNumbers;
import com.aiassistants.gateway.config.TenantDirectory;

/**
 * Which numbers a tenant answers: the list set from the console (table {@code allowed_numbers}) or else
 * the configured one; empty = everyone. Cached in memory, refreshed on every change made here (the
 * single active instance is the only writer) and reloaded on becoming active.
 */
@Component
public class AllowedNumbers {

    private final JdbcTemplate jdbc;
    private final TenantDirectory tenants;
    private final Map<String, Set<String>> cache = new ConcurrentHashMap<>();

    public AllowedNumbers(JdbcTemplate jdbc, TenantDirectory tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    public boolean allows(String tenantId, String number) {
        Set<String> allowed = numbers(tenantId);
        return allowed.isEmpty() || allowed.contains(PhoneNumbers.digits(number));
    }

    public Set<String> numbers(String tenantId) {
        return cache.computeIfAbsent(tenantId, this::load);
    }

    public Set<String> replace(String tenantId, List<String> numbers) {
        Set<String> normalised = normalise(numbers);
        jdbc.update("""
                insert into allowed_numbers (tenant_id, numbers, updated_at) values (?, ?, now())
                on conflict (tenant_id) do update set numbers = excluded.numbers, updated_at = now()""",
                ps -> {
                    ps.setString(1, tenantId);
                    ps.setArray(2, ps.getConnection().createArrayOf("text", normalised.toArray()));
                });
        cache.put(tenantId, normalised);
        return normalised;
    }

    public void reload() {
        cache.clear();
    }

    private Set<String> load(String tenantId) {
        List<Set<String>> stored = jdbc.query("select numbers from allowed_numbers where tenant_id = ?", (rs, n) -> {
            Array array = rs.getArray(1);
            return normalise(List.of((String[]) array.getArray()));
        }, tenantId);
        if (!stored.isEmpty()) {
            return stored.getFirst();
        }
        return tenants.find(tenantId).map(t -> normalise(t.allowedNumbers())).orElse(Set.of());
    }

    private static Set<String> normalise(List<String> numbers) {
        return numbers == null ? Set.of()
                : numbers.stream().map(PhoneNumbers::digits).filter(s -> !s.isEmpty())
                        .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
