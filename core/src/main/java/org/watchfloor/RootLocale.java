package org.watchfloor;

import java.util.Locale;

/**
 * Runs library code that cases strings in the JVM's default locale with the root locale as the
 * default instead. In a Turkish (or Azeri) default locale "info".toUpperCase() is "İNFO" and
 * "EARLIEST".toLowerCase() is "earlıest": Tribuo's protobuf (de)serialisation then finds no
 * accessor ("addAllİnfo") and no model can be read or written, the Kafka connector writes an
 * offset-reset value every consumer rejects, and a Kafka broker fails to start ("CLASSİC").
 *
 * <p>The default locale is process-wide, so callers take turns (one lock for all of them), and
 * this is for short steps nothing else in the process cases strings during: serialising a model,
 * building a job, starting a test broker.
 */
public final class RootLocale {

  private RootLocale() {}

  /** Code that may throw {@code E}. */
  public interface Action<T, E extends Exception> {
    T run() throws E;
  }

  /** What {@code action} returns, run with the root locale as the default in every category. */
  public static synchronized <T, E extends Exception> T run(Action<T, E> action) throws E {
    Locale locale = Locale.getDefault();
    Locale display = Locale.getDefault(Locale.Category.DISPLAY);
    Locale format = Locale.getDefault(Locale.Category.FORMAT);
    Locale.setDefault(Locale.ROOT);
    try {
      return action.run();
    } finally {
      Locale.setDefault(locale);
      Locale.setDefault(Locale.Category.DISPLAY, display);
      Locale.setDefault(Locale.Category.FORMAT, format);
    }
  }
}
