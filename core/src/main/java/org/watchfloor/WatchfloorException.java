package org.watchfloor;

/**
 * The one root of Watchfloor's unchecked exceptions; subclasses carry the context (the input,
 * the store) that the CLI and the web layer turn into exit codes and statuses.
 */
public class WatchfloorException extends RuntimeException {

  public WatchfloorException(String message) {
    super(message);
  }

  public WatchfloorException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A store directory that cannot be used: not a Watchfloor store, too new, or broken. */
  public static final class StoreRefused extends WatchfloorException {
    public StoreRefused(java.nio.file.Path dir, String reason) {
      super("store " + dir + ": " + reason);
    }

    /** A store named by its directory or server URL. */
    public StoreRefused(String store, String reason) {
      super("store " + store + ": " + reason);
    }
  }

  /** Input the user gave that cannot be used (a missing path, an unknown id). */
  public static final class BadInput extends WatchfloorException {
    public BadInput(String message) {
      super(message);
    }
  }
}
