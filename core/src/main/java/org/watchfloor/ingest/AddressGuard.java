package org.watchfloor.ingest;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a URL may be fetched: only {@code http} and {@code https}, and (unless private
 * addresses are allowed) only hosts whose every resolved address is public. A document must never
 * make Watchfloor read a local file or reach an internal service (SSRF).
 *
 * <p>An address is classified, not matched against a few forms: every IPv6 form that carries an
 * IPv4 address (mapped {@code ::ffff:0:0/96}, compatible {@code ::/96}, NAT64 {@code
 * 64:ff9b::/96}, 6to4 {@code 2002::/16}, Teredo {@code 2001::/32}) is unwrapped and the IPv4
 * address classified; then the IANA special-purpose registries (IPv4 and IPv6) are refused, and
 * any IPv6 address outside global unicast {@code 2000::/3}. Written by hand: the JDK's
 * {@code isSiteLocalAddress} and the like know only a few of these ranges, and no small, kept
 * library on this build's path classifies addresses against the registries.
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
      Finding f = classify(a);
      if (f != null) {
        throw new FetchException("refused: " + host + " resolves to " + f.kind() + " address " + a.getHostAddress()
            + f.form() + " (" + howToPermit + ")");
      }
    }
  }

  /**
   * Why an address may not be fetched from.
   *
   * @param kind what it is: "a loopback", "a private", "a link-local", "a documentation"…
   * @param form empty, or where the IPv4 address it carries is: " (NAT64 form of 127.0.0.1)"
   */
  record Finding(String kind, String form) {}

  /** The kind of non-public address this is, or {@code null} for a public one. */
  static @Nullable String nonPublic(InetAddress a) {
    Finding f = classify(a);
    return f == null ? null : f.kind();
  }

  /** Why {@code a} may not be fetched from, or {@code null} for a public address. */
  static @Nullable Finding classify(InetAddress a) {
    byte[] b = a.getAddress();
    return b.length == 4 ? ipv4(b, "") : ipv6(b);
  }

  /** The IPv4 special-purpose registry (RFC 6890 and its updates), by prefix. */
  private static @Nullable Finding ipv4(byte[] b, String form) {
    int b0 = b[0] & 0xff;
    int b1 = b[1] & 0xff;
    int b2 = b[2] & 0xff;
    String kind;
    if (b0 == 0) {
      kind = "an unspecified"; // 0.0.0.0/8, "this network"
    } else if (b0 == 10 || (b0 == 172 && (b1 & 0xf0) == 16) || (b0 == 192 && b1 == 168)) {
      kind = "a private";
    } else if (b0 == 100 && (b1 & 0xc0) == 64) {
      kind = "a private (carrier-grade NAT)"; // 100.64.0.0/10
    } else if (b0 == 127) {
      kind = "a loopback";
    } else if (b0 == 169 && b1 == 254) {
      kind = "a link-local";
    } else if (b0 == 192 && b1 == 0 && b2 == 0) {
      kind = "a reserved (IETF protocol assignments)"; // 192.0.0.0/24
    } else if ((b0 == 192 && b1 == 0 && b2 == 2) || (b0 == 198 && b1 == 51 && b2 == 100)
        || (b0 == 203 && b1 == 0 && b2 == 113)) {
      kind = "a documentation";
    } else if (b0 == 192 && b1 == 88 && b2 == 99) {
      kind = "a reserved (6to4 relay anycast)"; // 192.88.99.0/24
    } else if (b0 == 198 && (b1 & 0xfe) == 18) {
      kind = "a benchmarking"; // 198.18.0.0/15
    } else if ((b0 & 0xf0) == 224) {
      kind = "a multicast";
    } else if ((b0 & 0xf0) == 240) {
      kind = "a reserved"; // 240.0.0.0/4, with the broadcast address 255.255.255.255
    } else {
      return null;
    }
    return new Finding(kind, form);
  }

  /**
   * The IPv6 special-purpose registry (RFC 6890 and its updates): forms that carry an IPv4
   * address are judged by it, the rest by prefix, and nothing outside {@code 2000::/3} passes.
   */
  private static @Nullable Finding ipv6(byte[] b) {
    if (zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return ipv4(Arrays.copyOfRange(b, 12, 16), " (IPv4-mapped form of " + dotted(b, 12) + ")");
    }
    if (zeros(b, 0, 15) && (b[15] == 0 || b[15] == 1)) {
      return new Finding(b[15] == 0 ? "an unspecified" : "a loopback", "");
    }
    if (zeros(b, 0, 12)) {
      // ::a.b.c.d, the deprecated IPv4-compatible form; an IPv4 address that is public here is
      // still no IPv6 address anyone serves from
      Finding inner = ipv4(Arrays.copyOfRange(b, 12, 16), " (IPv4-compatible form of " + dotted(b, 12) + ")");
      return inner != null ? inner : new Finding("a reserved (IPv4-compatible)", "");
    }
    int w0 = word(b, 0);
    int w1 = word(b, 2);
    if (w0 == 0x64 && w1 == 0xff9b && zeros(b, 4, 12)) {
      // 64:ff9b::/96, the well-known NAT64 prefix: IANA lists it as globally reachable, since
      // DNS64 gives every IPv4-only site such an address; the IPv4 address inside decides
      return ipv4(Arrays.copyOfRange(b, 12, 16), " (NAT64 form of " + dotted(b, 12) + ")");
    }
    if (w0 == 0x64 && w1 == 0xff9b && word(b, 4) == 1) {
      return new Finding("a private (local-use NAT64)", ""); // 64:ff9b:1::/48
    }
    if (w0 == 0x2002) {
      // 6to4: the IPv4 address of the site follows the prefix
      return ipv4(Arrays.copyOfRange(b, 2, 6), " (6to4 form of " + dotted(b, 2) + ")");
    }
    if (w0 == 0x2001 && w1 == 0) {
      // Teredo: the client's IPv4 address is the last 32 bits, inverted; 2001::/23 is refused
      // whatever it holds, but the message names a non-public client
      byte[] client = new byte[4];
      for (int i = 0; i < 4; i++) {
        client[i] = (byte) ~b[12 + i];
      }
      Finding inner = ipv4(client, " (Teredo form of " + dotted(client, 0) + ")");
      return inner != null ? inner : new Finding("a reserved (Teredo)", "");
    }
    if (w0 == 0x100 && zeros(b, 2, 8)) {
      return new Finding("a discard-only", ""); // 100::/64
    }
    if (w0 == 0x2001 && (w1 & 0xfe00) == 0) {
      return new Finding("a reserved (IETF protocol assignments)", ""); // 2001::/23
    }
    if ((w0 == 0x2001 && w1 == 0x0db8) || (w0 == 0x3fff && (w1 & 0xf000) == 0)) {
      return new Finding("a documentation", ""); // 2001:db8::/32, 3fff::/20
    }
    if ((w0 & 0xfe00) == 0xfc00) {
      return new Finding("a private (unique local)", ""); // fc00::/7
    }
    if ((w0 & 0xffc0) == 0xfe80) {
      return new Finding("a link-local", ""); // fe80::/10
    }
    if ((w0 & 0xffc0) == 0xfec0) {
      return new Finding("a private (site-local)", ""); // fec0::/10, deprecated
    }
    if ((w0 & 0xff00) == 0xff00) {
      return new Finding("a multicast", ""); // ff00::/8
    }
    if ((w0 & 0xe000) != 0x2000) {
      return new Finding("a reserved", ""); // outside global unicast 2000::/3
    }
    return null;
  }

  private static boolean zeros(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static int word(byte[] b, int at) {
    return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
  }

  private static String dotted(byte[] b, int at) {
    return (b[at] & 0xff) + "." + (b[at + 1] & 0xff) + "." + (b[at + 2] & 0xff) + "." + (b[at + 3] & 0xff);
  }
}
