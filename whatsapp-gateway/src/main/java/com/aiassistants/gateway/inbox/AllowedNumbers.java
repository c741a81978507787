package com.aiassistants.gateway.inbox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final TenantDirectory tenants;
    private final Map<String, Set<String>> cache = new ConcurrentHashMap<>();

    public AllowedNumbers(JdbcClient jdbc, TenantDirectory tenants) {
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
        jdbc.sql("""
                insert into allowed_numbers (tenant_id, numbers, updated_at) values (?, ?, now())
                on conflict (tenant_id) do update set numbers = excluded.numbers, updated_at = now()""")
                .params(tenantId, normalised.toArray(String[]::new)).update();
        cache.put(tenantId, normalised);
        return normalised;
    }

    public void reload() {
        cache.clear();
    }

    private Set<String> load(String tenantId) {
        return jdbc.sql("select numbers from allowed_numbers where tenant_id = ?").param(tenantId)
                .query((rs, n) -> normalise(List.of((String[]) rs.getArray(1).getArray()))).optional()
                .orElseGet(() -> tenants.find(tenantId).map(t -> normalise(t.allowedNumbers())).orElse(Set.of()));
    }

    private static Set<String> normalise(List<String> numbers) {
        return numbers == null ? Set.of()
                : numbers.stream().map(PhoneNumbers::digits).filter(s -> !s.isEmpty())
                        .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
