package com.aiassistants.common.config;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * A bean that is looked up lazily, on first use, and then kept, even when there is none. Each
 * {@link ObjectProvider#getIfAvailable()} searches the bean factory, and on a path taken for every request or tool
 * call that search costs more than the work it serves. Every bean definition is registered before the first bean is
 * created, so the first answer is also the last.
 */
public final class LookedUpOnce {

    private LookedUpOnce() {
    }

    /** The provider's bean, or {@code null} when the context has none, looked up by the first {@code get()}. */
    public static <T> Supplier<T> of(ObjectProvider<T> provider) {
        SingletonSupplier<Optional<T>> once = SingletonSupplier.of(() -> Optional.ofNullable(provider.getIfAvailable()));
        return () -> once.obtain().orElse(null);
    }
}
