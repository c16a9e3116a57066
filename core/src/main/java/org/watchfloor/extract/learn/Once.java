package org.watchfloor.extract.learn;

import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A value read when it is first asked for, once, whichever thread asks: the shipped models' weights,
 * which a short command that reads no article (or only articles already stored) never needs.
 */
public final class Once<T> implements Supplier<T> {

  private final Supplier<T> read;
  /** Volatile, read without the lock once set: every sentence an extractor decides asks for it, from many threads in a stream job. */
  private volatile @Nullable T value;

  private Once(Supplier<T> read) {
    this.read = read;
  }

  /** {@code read}'s value, read on the first {@link #get}; a failure is thrown to each asker in turn. */
  public static <T> Supplier<T> of(Supplier<T> read) {
    return new Once<>(Objects.requireNonNull(read, "read"));
  }

  @Override
  public T get() {
    T v = value;
    if (v != null) {
      return v;
    }
    synchronized (this) {
      if (value == null) {
        value = Objects.requireNonNull(read.get(), "read");
      }
      return value;
    }
  }
}
