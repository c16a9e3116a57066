package org.watchfloor.ingest;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Decides whether a URL may be fetched: only {@code http} and {@code https}, and (unless private
 * addresses are allowed) only hosts whose every resolved address is public. A document must never
 * make Watchfloor read a local file or reach an internal service (SSRF).
 *
 * <p>The check resolves the host itself, before the HTTP client connects; a DNS answer that
 * changes between the two (rebinding) is not caught here. That is accepted for a news reader
 * behind no privileged network; an egress proxy is the stronger defence.
 *
 * <p>Alert webhooks go through the same check ({@link #refusal}), so that a rule cannot make
 * Watchfloor post to an internal service either.
 */
public final class AddressGuard {

  private final boolean allowPrivate;
  private final java.util.Set<String> trustedHosts;
  private final String howToPermit;

  AddressGuard(boolean allowPrivate) {
    this(allowPrivate, java.util.Set.of());
  }

  /**
   * A guard for targets other than fetched pages (alert webhooks), whose refusals end with
   * {@code howToPermit} instead of the fetcher's command-line option.
   */
  public AddressGuard(boolean allowPrivate, String howToPermit) {
    this.allowPrivate = allowPrivate;
    this.trustedHosts = java.util.Set.of();
    this.howToPermit = howToPermit;
  }

  /**
   * A guard that lets exactly these host names through even when private addresses are refused:
   * tests use it to serve a first hop from loopback and see that a redirect is still checked.
   */
  AddressGuard(boolean allowPrivate, java.util.Set<String> trustedHosts) {
    this.allowPrivate = allowPrivate;
    this.trustedHosts = java.util.Set.copyOf(trustedHosts);
    this.howToPermit = "use --allow-private-addresses to permit";
  }

  /** Why the URL may not be reached, or {@code null} when it may. */
  public @org.jspecify.annotations.Nullable String refusal(URI uri) {
    try {
      check(uri);
      return null;
    } catch (FetchException e) {
      return e.getMessage();
    }
  }

  /** Throws unless the URL may be fetched. */
  void check(URI uri) throws FetchException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException("refused: only http and https URLs are fetched, not "
          + (scheme.isEmpty() ? "a URL without a scheme" : "'" + scheme + ":'"));
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new FetchException("refused: URL has no host");
    }
    if (allowPrivate || trustedHosts.contains(host)) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new FetchException("cannot resolve host " + host);
    }
    for (InetAddress a : addresses) {
      String why = nonPublic(a);
      if (why != null) {
        throw new FetchException("refused: " + host + " resolves to " + why + " address "
            + a.getHostAddress() + " (" + howToPermit + ")");
      }
    }
  }

  /** The kind of non-public address this is, or {@code null} for a public one. */
  static String nonPublic(InetAddress a) {
    if (a.isLoopbackAddress()) {
      return "a loopback";
    }
    if (a.isAnyLocalAddress()) {
      return "an unspecified";
    }
    if (a.isLinkLocalAddress()) {
      return "a link-local";
    }
    if (a.isSiteLocalAddress()) {
      return "a private";
    }
    if (a.isMulticastAddress()) {
      return "a multicast";
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int b0 = b[0] & 0xff;
      int b1 = b[1] & 0xff;
      if (b0 == 0) {
        return "an unspecified";
      }
      if (b0 == 100 && b1 >= 64 && b1 < 128) {
        return "a private (carrier-grade NAT)";
      }
      if (b0 >= 240) {
        return "a reserved";
      }
    } else if (a instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return "a private (unique local)";
      }
      if (isMappedIpv4(b)) {
        try {
          return nonPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
        } catch (UnknownHostException e) {
          return "an invalid";
        }
      }
    }
    return null;
  }

  private static boolean isMappedIpv4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }
}
