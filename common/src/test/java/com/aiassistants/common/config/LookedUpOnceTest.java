package com.aiassistants.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

class LookedUpOnceTest {

    /** Counts how often the bean factory is searched. */
    static <T> ObjectProvider<T> counting(ObjectProvider<T> real, AtomicInteger lookups) {
        return new ObjectProvider<>() {
            @Override
            public T getObject(Object... args) throws BeansException {
                return real.getObject(args);
            }

            @Override
            public T getIfAvailable() throws BeansException {
                lookups.incrementAndGet();
                return real.getIfAvailable();
            }

            @Override
            public T getIfUnique() throws BeansException {
                return real.getIfUnique();
            }

            @Override
            public T getObject() throws BeansException {
                return real.getObject();
            }
        };
    }

    @Test
    void aBeanIsLookedUpOnTheFirstGetOnly() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        Clock clock = Clock.systemUTC();
        beans.registerSingleton("clock", clock);
        AtomicInteger lookups = new AtomicInteger();
        Supplier<Clock> once = LookedUpOnce.of(counting(beans.getBeanProvider(Clock.class), lookups));

        assertThat(lookups).as("lazy: nothing looked up before the first get").hasValue(0);
        for (int i = 0; i < 5; i++) {
            assertThat(once.get()).isSameAs(clock);
        }
        assertThat(lookups).hasValue(1);
    }

    @Test
    void noBeanIsRememberedToo() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        AtomicInteger lookups = new AtomicInteger();
        Supplier<Clock> once = LookedUpOnce.of(counting(beans.getBeanProvider(Clock.class), lookups));

        assertThat(once.get()).isNull();
        assertThat(once.get()).isNull();
        assertThat(lookups).hasValue(1);
    }
}
