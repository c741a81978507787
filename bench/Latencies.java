import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latency samples in nanoseconds, added from many threads; percentiles and maximum in milliseconds (0 when empty). */
final class Latencies {

    private final List<Long> values = Collections.synchronizedList(new ArrayList<>());

    void add(long nanos) {
        values.add(nanos);
    }

    int size() {
        return values.size();
    }

    /** The nearest-rank percentile {@code p} (0 < p ≤ 1). */
    double pct(double p) {
        List<Long> sorted = sorted();
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.max(0, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    double max() {
        List<Long> sorted = sorted();
        return sorted.isEmpty() ? 0 : sorted.getLast() / 1e6;
    }

    private List<Long> sorted() {
        synchronized (values) {
            List<Long> copy = new ArrayList<>(values);
            Collections.sort(copy);
            return copy;
        }
    }
}
