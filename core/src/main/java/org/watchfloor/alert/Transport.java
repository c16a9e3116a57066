package org.watchfloor.alert;

import org.watchfloor.store.AlertRows;

/** One way of sending an alert: it returns once the receiver has it, or says why not and whether to try again. */
interface Transport {

  /** Sends the due delivery's alert to its target. */
  void send(AlertRows.Due due, AlertSettings settings) throws Failure;

  /** Why a send failed; {@code retry} when trying again later may work (a 5xx, a timeout, a refused connection). */
  final class Failure extends Exception {
    private final boolean retry;

    Failure(String message, boolean retry) {
      super(message);
      this.retry = retry;
    }

    Failure(String message, boolean retry, Throwable cause) {
      super(message, cause);
      this.retry = retry;
    }

    boolean retry() {
      return retry;
    }
  }
}
