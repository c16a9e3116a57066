package org.watchfloor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Scope;

/**
 * Operations per second of the benchmark thread's own CPU time, reported by JMH beside the
 * wall-time score as the secondary score {@code perCpuSecond}: the per-core throughput, whatever
 * else the machine runs. It is one thread's ratio per iteration, so run with the default single
 * thread; JMH prints it per iteration and, as it does for every event counter, sums it over the
 * iterations in its final table, so read the iterations (or {@code rawData} of {@code -rf json})
 * and take their median.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuClock {
  static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** The secondary score; a field, since JMH reads public fields of aux counters. */
  public double perCpuSecond;

  private long operations;
  private long cpuNanos;

  @Setup(Level.Iteration)
  public void reset() {
    operations = 0;
    cpuNanos = 0;
    perCpuSecond = 0;
  }

  /** The current thread's CPU time in nanoseconds, to pass back to {@link #stop}. */
  static long start() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /** Counts one operation that started at {@code startNanos} of this thread's CPU time. */
  void stop(long startNanos) {
    operations++;
    cpuNanos += THREADS.getCurrentThreadCpuTime() - startNanos;
    perCpuSecond = cpuNanos == 0 ? 0 : operations / (cpuNanos / 1e9);
  }
}
