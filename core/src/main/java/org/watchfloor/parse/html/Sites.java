package org.watchfloor.parse.html;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The site a URL belongs to, to tell a page's own links from links to elsewhere. */
public final class Sites {
  private Sites() {}

  /**
   * The site of an absolute URL: its host lower-cased and cut to the domain registered under a
   * public suffix, as the Public Suffix List (Guava's copy of it) says where suffixes end, so that
   * {@code news.example.co.uk}, {@code www.example.com.au} and {@code m.example.go.kr} are
   * {@code example.co.uk}, {@code example.com.au} and {@code example.go.kr}, and {@code m.dw.de}
   * is {@code dw.de}. Suffixes that companies offer to the public count as such: two blogs on
   * {@code blogspot.com} are two sites. A host that is an IP address or a single label
   * ({@code localhost}) is its own site; one under no listed suffix, or a suffix itself, is cut to
   * its last two labels (the list's default rule). Null when the URL has no host.
   */
  public static @Nullable String of(@Nullable String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String host;
    try {
      host = new URI(url.strip()).getHost();
    } catch (URISyntaxException e) {
      return null;
    }
    if (host == null || host.isEmpty()) {
      return null;
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    // "[::1]" as URI gives an IPv6 host
    if (InetAddresses.isUriInetAddress(host) || !host.contains(".")) {
      return host;
    }
    if (InternetDomainName.isValid(host)) {
      InternetDomainName name = InternetDomainName.from(host);
      if (name.isUnderPublicSuffix()) {
        return name.topPrivateDomain().toString();
      }
    }
    List<String> labels = List.of(host.split("\\."));
    return String.join(".", labels.subList(Math.max(0, labels.size() - 2), labels.size()));
  }
}
