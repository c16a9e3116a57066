package org.watchfloor.cli;

import java.time.Duration;
import org.watchfloor.ingest.HttpFetcher;
import picocli.CommandLine.Option;

/**
 * The options of the commands that fetch from the web ({@code ingest}, {@code run}): which
 * addresses may be reached and how politely. Public for the Flink job, which fetches the pages of
 * GDELT exports with the same.
 */
public final class FetchOptions {

  @Option(names = "--allow-private-addresses",
      description = "Allow fetching from loopback, private and link-local addresses (for tests on a local server).")
  boolean allowPrivate;

  @Option(names = "--politeness", paramLabel = "MS", defaultValue = "1000",
      description = "Least milliseconds between two requests to one host (default: ${DEFAULT-VALUE}).")
  long politenessMillis;

  /** {@code --allow-private-addresses}. */
  public boolean allowPrivateAddresses() {
    return allowPrivate;
  }

  /** {@code --politeness}, never below 0. */
  public long politenessMillis() {
    return Math.max(0, politenessMillis);
  }

  /** The fetcher's options these name, the others its defaults. */
  public HttpFetcher.Options fetcher() {
    return HttpFetcher.Options.defaults()
        .withAllowPrivateAddresses(allowPrivate)
        .withPoliteness(Duration.ofMillis(politenessMillis()));
  }
}
