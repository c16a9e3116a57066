package org.watchfloor.regex;

/**
 * A text that counts the characters read from it and refuses to be read past a limit: the work
 * a regular expression does on it, measured without a clock. A backtracking pattern reads the
 * same characters again and again; one that runs in linear time reads each a bounded number of
 * times. The limit stops a runaway match at once instead of letting a test hang.
 */
public final class CountingText implements CharSequence {

  /** Thrown once the reads pass the limit. */
  public static final class TooMuchWork extends RuntimeException {
    TooMuchWork(long limit) {
      super("more than " + limit + " characters read", null, false, false);
    }
  }

  private final String text;
  private final long limit;
  private long reads;

  public CountingText(String text, long limit) {
    this.text = text;
    this.limit = limit;
  }

  public long reads() {
    return reads;
  }

  @Override
  public char charAt(int index) {
    if (++reads > limit) {
      throw new TooMuchWork(limit);
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    // group() and the like copy a match out; they read it once, as a caller would
    reads += end - start;
    return text.substring(start, end);
  }

  @Override
  public String toString() {
    return text;
  }
}
