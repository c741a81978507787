import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The measured turns slower than BENCH_SLOW_MS (unset: none kept), printed by the wall-clock second they started in,
 * so that a latency tail can be lined up with the services' GC and safepoint logs ({@code -Xlog:...:time}).
 */
final class SlowTurns {

    private static final long THRESHOLD_NANOS = threshold();
    /** The difference between the wall clock and System.nanoTime(), read once. */
    private static final long EPOCH_NANOS = System.currentTimeMillis() * 1_000_000 - System.nanoTime();
    private static final ConcurrentLinkedQueue<long[]> turns = new ConcurrentLinkedQueue<>();
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private SlowTurns() {
    }

    /** A measured turn that started at {@code startNanos} (System.nanoTime()) and took {@code tookNanos}. */
    static void note(long startNanos, long tookNanos) {
        if (THRESHOLD_NANOS > 0 && tookNanos > THRESHOLD_NANOS) {
            turns.add(new long[] {(startNanos + EPOCH_NANOS) / 1_000_000, tookNanos / 1_000_000});
        }
    }

    static void print() {
        if (THRESHOLD_NANOS <= 0) {
            return;
        }
        // second -> {count, max ms, earliest start ms within the second}
        Map<Long, long[]> bySecond = new TreeMap<>();
        for (long[] turn : turns) {
            long[] second = bySecond.computeIfAbsent(turn[0] / 1000, k -> new long[] {0, 0, Long.MAX_VALUE});
            second[0]++;
            second[1] = Math.max(second[1], turn[1]);
            second[2] = Math.min(second[2], turn[0] % 1000);
        }
        System.out.printf("turns slower than %d ms: %d, by the second they started in (UTC)%n",
                THRESHOLD_NANOS / 1_000_000, turns.size());
        bySecond.forEach((second, it) -> System.out.printf("  %s.%03d  %3d turns, slowest %d ms%n",
                SECOND.format(Instant.ofEpochSecond(second)), it[2], it[0], it[1]));
    }

    private static long threshold() {
        String value = System.getenv("BENCH_SLOW_MS");
        return value == null || value.isBlank() ? 0 : Long.parseLong(value.trim()) * 1_000_000;
    }
}
