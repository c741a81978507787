package com.aiassistants.backend.tenant;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.aiassistants.backend.support.Signatures;
import com.aiassistants.common.cache.ExpiringCache;

/**
 * API keys: only the SHA-256 of a key is stored; the plaintext is returned once, at creation. The
 * first characters ({@code prefix}) identify a key in listings. A key's last use is recorded to the minute
 * ({@link #LAST_USE_MILLIS}): at most one UPDATE a minute per key and instance.
 */
@Repository
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    public ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record KeyOwner(UUID keyId, String projectId) {
    }

    public record ApiKeyView(UUID id, String name, String prefix, Instant createdAt,
            @io.swagger.v3.oas.annotations.media.Schema(types = {"string", "null"}) Instant revokedAt,
            @io.swagger.v3.oas.annotations.media.Schema(types = {"string", "null"}, format = "date-time",
                    description = "last authenticated request, to the minute; null when never used") Instant lastUsedAt) {
    }

    public record CreatedKey(UUID id, String name, String prefix, String key) {
    }

    /**
     * The key's owner. Valid keys are cached for {@link #CACHE_MILLIS} (one query less per request);
     * a revocation is immediate on the instance that revoked and takes at most that long elsewhere.
     */
    public Optional<KeyOwner> authenticate(String presentedKey) {
        String hash = java.util.HexFormat.of().formatHex(Signatures.sha256(presentedKey));
        Optional<KeyOwner> owner = Optional.ofNullable(cache.get(hash, h -> jdbc.sql(
                "select id, project_id from api_key where key_hash = ? and revoked_at is null")
                .param(Signatures.sha256(presentedKey))
                .query((rs, n) -> new KeyOwner(rs.getObject("id", UUID.class), rs.getString("project_id")))
                .optional().orElse(null)));
        owner.ifPresent(o -> used(o.keyId()));
        return owner;
    }

    static final long LAST_USE_MILLIS = 60_000;

    /** Keys whose last use was written less than {@link #LAST_USE_MILLIS} ago (by this instance). */
    private final ExpiringCache<UUID, Boolean> lastUseWritten =
            ExpiringCache.of(Duration.ofMillis(LAST_USE_MILLIS), 10_000);

    private void used(UUID keyId) {
        if (!lastUseWritten.putIfAbsent(keyId, Boolean.TRUE)) {
            return;
        }
        jdbc.sql("update api_key set last_used_at = now() where id = ?").param(keyId).update();
    }

    static final long CACHE_MILLIS = 5_000;

    private final ExpiringCache<String, KeyOwner> cache = ExpiringCache.of(Duration.ofMillis(CACHE_MILLIS), 10_000);

    public CreatedKey create(String projectId, String name) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return insert(projectId, name, "aia_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Stores a key whose plaintext the caller chose (demo seeding); no-op when that key exists. */
    public CreatedKey ensure(String projectId, String name, String plaintext) {
        Optional<KeyOwner> existing = jdbc.sql("select id, project_id from api_key where key_hash = ?")
                .param(Signatures.sha256(plaintext))
                .query((rs, n) -> new KeyOwner(rs.getObject("id", UUID.class), rs.getString("project_id")))
                .optional();
        return existing.map(k -> new CreatedKey(k.keyId(), name, prefix(plaintext), plaintext))
                .orElseGet(() -> insert(projectId, name, plaintext));
    }

    private CreatedKey insert(String projectId, String name, String plaintext) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into api_key (id, project_id, name, prefix, key_hash) values (?, ?, ?, ?, ?)")
                .params(id, projectId, name, prefix(plaintext), Signatures.sha256(plaintext))
                .update();
        return new CreatedKey(id, name, prefix(plaintext), plaintext);
    }

    public List<ApiKeyView> list(String projectId) {
        return jdbc.sql("select id, name, prefix, created_at, revoked_at, last_used_at from api_key where project_id = ? order by created_at")
                .param(projectId)
                .query((rs, n) -> new ApiKeyView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant(),
                        rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant()))
                .list();
    }

    /** Revokes a key of the project; false when the project has no such key. */
    public boolean revoke(String projectId, UUID keyId) {
        boolean revoked = jdbc.sql("update api_key set revoked_at = coalesce(revoked_at, now()) where id = ? and project_id = ?")
                .params(keyId, projectId)
                .update() == 1;
        cache.invalidateValuesIf(owner -> owner.keyId().equals(keyId));
        return revoked;
    }

    private static String prefix(String plaintext) {
        return plaintext.substring(0, Math.min(8, plaintext.length()));
    }
}
