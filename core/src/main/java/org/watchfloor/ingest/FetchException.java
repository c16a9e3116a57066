package org.watchfloor.ingest;

/** Why a URL could not be fetched: refused by policy, failed on the network, or over a limit. */
final class FetchException extends Exception {

  FetchException(String message) {
    super(message);
  }

  FetchException(String message, Throwable cause) {
    super(message, cause);
  }
}
