package org.watchfloor.flink;

import java.util.Locale;

/**
 * Runs code of a library that cases strings in the default locale in the root locale instead. In a
 * Turkish (or Azeri) default locale "EARLIEST".toLowerCase() is "earlıest" and "classic".toUpperCase()
 * is "CLASSİC": the Kafka connector writes the first into every consumer's configuration, which the
 * consumers then reject, and a Kafka broker fails to start on the second. The default locale is the
 * JVM's, so this is for code run once while nothing else reads it (building a job, starting a test
 * broker), not for a task's work.
 */
final class Locales {

  private Locales() {}

  /** Code that may throw {@code E}. */
  interface Action<T, E extends Exception> {
    T run() throws E;
  }

  /** What {@code action} returns, run with the root locale as the default in each category. */
  static synchronized <T, E extends Exception> T inRootLocale(Action<T, E> action) throws E {
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
