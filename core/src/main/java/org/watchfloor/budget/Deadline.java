package org.watchfloor.budget;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.watchfloor.WatchfloorException;

/**
 * The moment by which one document must be through parsing, flagging and extraction, checked
 * co-operatively: the stages call {@link #check} between units of work (lines, sentences, steps
 * of page cleaning), and read untrusted text through {@link #guard}, which checks every so many
 * characters, so that even one long regular-expression match stops soon after the deadline. A
 * Java thread cannot be stopped safely from outside, so the work stops itself: {@link Exceeded}
 * unwinds the stage, and the pipeline sets the document aside with its reason.
 *
 * <p>The deadline of the document under way is bound to the thread that works on it ({@link
 * #enter}); code deep in a stage finds it with {@link #current} instead of having it passed
 * through every call. Not shared between threads.
 */
public final class Deadline {

  /** Seconds of {@link #DEFAULT}, for option declarations that need a constant. */
  public static final long DEFAULT_SECONDS = 20;

  /** The budget of a document when none is configured: far above what a real article takes. */
  public static final Duration DEFAULT = Duration.ofSeconds(DEFAULT_SECONDS);

  /** Characters read through {@link #guard} between two looks at the clock. */
  static final int READS_PER_CHECK = 1 << 12;

  private static final Deadline NONE = new Deadline(Duration.ZERO, () -> 0, Long.MAX_VALUE);
  private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

  private final Duration limit;
  private final LongSupplier nanoClock;
  private final long end;
  private String stage = "parse";

  private Deadline(Duration limit, LongSupplier nanoClock, long end) {
    this.limit = limit;
    this.nanoClock = nanoClock;
    this.end = end;
  }

  /** A deadline that never passes: for work that is not a document's (tests, tools). */
  public static Deadline none() {
    return NONE;
  }

  /** A deadline {@code limit} from now on the machine's monotonic clock. */
  public static Deadline after(Duration limit) {
    return after(limit, System::nanoTime);
  }

  /** A deadline {@code limit} from now on {@code nanoClock}, a monotonic clock in nanoseconds. */
  public static Deadline after(Duration limit, LongSupplier nanoClock) {
    if (limit.isNegative()) {
      throw new IllegalArgumentException("a time budget cannot be negative: " + limit);
    }
    return new Deadline(limit, nanoClock, nanoClock.getAsLong() + limit.toNanos());
  }

  /** The deadline bound to this thread by {@link #enter}, or {@link #none()}. */
  public static Deadline current() {
    Deadline d = CURRENT.get();
    return d == null ? NONE : d;
  }

  /** Binds this deadline to the calling thread until the scope is closed. */
  public Scope enter() {
    Deadline previous = CURRENT.get();
    CURRENT.set(this);
    return () -> {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    };
  }

  /** The binding of a deadline to a thread; closing it restores what was bound before. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** Names the stage now under way, for the reason given when the deadline passes in it. */
  public void stage(String name) {
    if (this != NONE) {
      stage = name;
    }
  }

  /** The stage now under way. */
  public String stage() {
    return stage;
  }

  /** Throws {@link Exceeded} when the deadline has passed. */
  public void check() {
    if (this != NONE && nanoClock.getAsLong() - end > 0) {
      throw new Exceeded(stage, limit);
    }
  }

  /**
   * {@code text} read through this deadline: every {@value #READS_PER_CHECK} characters read, the
   * clock is checked, and once the deadline has passed, reading throws {@link Exceeded}. Hand it
   * to a regular expression run on untrusted text.
   */
  public CharSequence guard(CharSequence text) {
    return this == NONE ? text : new Guarded(text, this);
  }

  /** The deadline passed: the document took longer than its budget in {@link #stage()}. */
  public static final class Exceeded extends WatchfloorException {
    private final String stage;

    Exceeded(String stage, Duration limit) {
      super("over its time budget in " + stage + " (" + seconds(limit) + " s)");
      this.stage = stage;
    }

    public String stage() {
      return stage;
    }

    private static String seconds(Duration d) {
      return d.toNanosPart() == 0 ? Long.toString(d.getSeconds()) : String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }
  }

  private static final class Guarded implements CharSequence {
    private final CharSequence text;
    private final Deadline deadline;
    private int untilCheck = READS_PER_CHECK;

    Guarded(CharSequence text, Deadline deadline) {
      this.text = text;
      this.deadline = deadline;
    }

    @Override
    public char charAt(int index) {
      if (--untilCheck <= 0) {
        untilCheck = READS_PER_CHECK;
        deadline.check();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
