package org.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guard classifies addresses, built here from literal bytes: no name is resolved and nothing
 * is connected to. The redirect test sends every request to a loopback server acting as proxy,
 * so even a guard that wrongly let a hop through would reach nothing beyond this machine.
 */
class AddressGuardTest {

  /** A loopback, a link-local (cloud metadata), a private and a benchmarking address. */
  private static final List<String> NON_PUBLIC = List.of("127.0.0.1:a loopback", "169.254.169.254:a link-local",
      "10.1.2.3:a private", "198.18.0.1:a benchmarking");

  static Stream<Arguments> everyFormOfANonPublicIpv4Address() {
    return NON_PUBLIC.stream().flatMap(entry -> {
      String ipv4 = entry.substring(0, entry.indexOf(':'));
      String kind = entry.substring(entry.indexOf(':') + 1);
      byte[] v4 = v4(ipv4);
      return Stream.of(
          Arguments.of(kind, "plain", v4),
          Arguments.of(kind, "IPv4-mapped ::ffff:" + ipv4, v6("0000 0000 0000 0000 0000 ffff", v4)),
          Arguments.of(kind, "IPv4-compatible ::" + ipv4, v6("0000 0000 0000 0000 0000 0000", v4)),
          Arguments.of(kind, "NAT64 64:ff9b::" + ipv4, v6("0064 ff9b 0000 0000 0000 0000", v4)),
          Arguments.of(kind, "6to4 2002:" + ipv4 + "::1", sixToFour(v4)),
          Arguments.of(kind, "Teredo with client " + ipv4, teredo(v4)));
    });
  }

  @ParameterizedTest(name = "{1} is {0}")
  @MethodSource
  void everyFormOfANonPublicIpv4Address(String kind, String form, byte[] address) throws UnknownHostException {
    assertThat(AddressGuard.nonPublic(InetAddress.getByAddress(address))).isEqualTo(kind);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(textBlock = """
      0.0.0.0,         an unspecified
      0.255.255.255,   an unspecified
      10.0.0.0,        a private
      100.64.0.0,      a private (carrier-grade NAT)
      100.127.255.255, a private (carrier-grade NAT)
      127.255.255.255, a loopback
      169.254.0.1,     a link-local
      172.16.0.1,      a private
      172.31.255.255,  a private
      192.0.0.8,       a reserved (IETF protocol assignments)
      192.0.2.1,       a documentation
      192.88.99.1,     a reserved (6to4 relay anycast)
      192.168.0.1,     a private
      198.18.0.0,      a benchmarking
      198.19.255.255,  a benchmarking
      198.51.100.7,    a documentation
      203.0.113.9,     a documentation
      224.0.0.1,       a multicast
      239.255.255.250, a multicast
      240.0.0.1,       a reserved
      255.255.255.255, a reserved
      """)
  void theIpv4SpecialPurposeRegistryIsRefused(String ipv4, String kind) throws UnknownHostException {
    assertThat(AddressGuard.nonPublic(InetAddress.getByAddress(v4(ipv4)))).isEqualTo(kind);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(textBlock = """
      0000 0000 0000 0000 0000 0000 0000 0000, an unspecified
      0000 0000 0000 0000 0000 0000 0000 0001, a loopback
      0064 ff9b 0001 0000 0000 0000 0a01 0203, a private (local-use NAT64)
      0064 ff9b 0001 ffff 0000 0000 5db8 d822, a private (local-use NAT64)
      0100 0000 0000 0000 0000 0000 0000 0001, a discard-only
      2001 0000 4136 e378 8000 63bf a247 27dd, a reserved (Teredo)
      2001 0002 0000 0000 0000 0000 0000 0001, a reserved (IETF protocol assignments)
      2001 01ff ffff ffff ffff ffff ffff ffff, a reserved (IETF protocol assignments)
      2001 0db8 0000 0000 0000 0000 0000 0001, a documentation
      3fff 0fff 0000 0000 0000 0000 0000 0001, a documentation
      fc00 0000 0000 0000 0000 0000 0000 0001, a private (unique local)
      fd12 3456 789a 0000 0000 0000 0000 0001, a private (unique local)
      fe80 0000 0000 0000 0000 0000 0000 0001, a link-local
      febf ffff ffff ffff ffff ffff ffff ffff, a link-local
      fec0 0000 0000 0000 0000 0000 0000 0001, a private (site-local)
      ff02 0000 0000 0000 0000 0000 0000 0001, a multicast
      0000 0000 0000 0000 0000 0000 5db8 d822, a reserved (IPv4-compatible)
      1000 0000 0000 0000 0000 0000 0000 0001, a reserved
      4000 0000 0000 0000 0000 0000 0000 0001, a reserved
      """)
  void theIpv6SpecialPurposeRegistryAndAllButGlobalUnicastAreRefused(String words, String kind)
      throws UnknownHostException {
    assertThat(AddressGuard.nonPublic(InetAddress.getByAddress(v6(words)))).isEqualTo(kind);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(textBlock = """
      93.184.216.34
      8.8.8.8
      172.32.0.1
      198.20.0.1
      100.128.0.1
      """)
  void publicIpv4AddressesPass(String ipv4) throws UnknownHostException {
    assertThat(AddressGuard.nonPublic(InetAddress.getByAddress(v4(ipv4)))).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(textBlock = """
      2606 4700 0000 0000 0000 0000 0000 1111
      2a00 1450 4001 0800 0000 0000 0000 200e
      0064 ff9b 0000 0000 0000 0000 5db8 d822
      2002 5db8 d822 0000 0000 0000 0000 0001
      2001 0200 0000 0000 0000 0000 0000 0001
      """)
  void publicIpv6AddressesAndPublicIpv4AddressesInsideThemPass(String words) throws UnknownHostException {
    assertThat(AddressGuard.nonPublic(InetAddress.getByAddress(v6(words)))).isNull();
  }

  @Test
  void aRefusalNamesTheIpv4AddressInsideAnIpv6Form() throws UnknownHostException {
    InetAddress nat64 = InetAddress.getByAddress(v6("0064 ff9b 0000 0000 0000 0000", v4("169.254.169.254")));

    assertThat(AddressGuard.classify(nat64))
        .isEqualTo(new AddressGuard.Finding("a link-local", " (NAT64 form of 169.254.169.254)"));
  }

  @Test
  void everyRedirectHopIsClassifiedWhateverFormItsAddressTakes() {
    try (LoopbackServer server = new LoopbackServer()) {
      // the first hop is trusted by name so the test can serve it; every request, refused or
      // not, goes to the loopback server as proxy and never beyond it
      HttpFetcher guarded = new HttpFetcher(HttpFetcher.Options.defaults().withPoliteness(Duration.ZERO),
          new AddressGuard(false, Set.of("127.0.0.1")), Clock.systemUTC(),
          ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port())));
      List<String> targets = List.of("http://[::ffff:169.254.169.254]/latest/meta-data/",
          "http://[64:ff9b::a9fe:a9fe]/latest/meta-data/", "http://[2002:a9fe:a9fe::1]/latest/meta-data/",
          "http://[::127.0.0.1]:8080/admin", "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/admin",
          "http://[64:ff9b::c612:1]/bench", "http://198.18.0.1/bench", "http://[fd00::1]/admin");
      CollectingSink sink = new CollectingSink();
      UrlSource pages = new UrlSource(guarded);
      for (int i = 0; i < targets.size(); i++) {
        server.redirect("/hop" + i, targets.get(i));
        pages.read(server.url("/hop" + i), sink);
      }
      guarded.close();

      assertThat(sink.documents).isEmpty();
      assertThat(sink.messages()).hasSize(targets.size()).allSatisfy(m -> assertThat(m).contains(": refused: "));
      assertThat(sink.messages()).satisfiesExactly(
          m -> assertThat(m).contains("resolves to a link-local address"),
          m -> assertThat(m).contains("resolves to a link-local address").contains("(NAT64 form of 169.254.169.254)"),
          m -> assertThat(m).contains("resolves to a link-local address").contains("(6to4 form of 169.254.169.254)"),
          m -> assertThat(m).contains("resolves to a loopback address").contains("(IPv4-compatible form of 127.0.0.1)"),
          m -> assertThat(m).contains("resolves to a loopback address").contains("(Teredo form of 127.0.0.1)"),
          m -> assertThat(m).contains("resolves to a benchmarking address").contains("(NAT64 form of 198.18.0.1)"),
          m -> assertThat(m).contains("resolves to a benchmarking address 198.18.0.1"),
          m -> assertThat(m).contains("resolves to a private (unique local) address"));
      assertThat(server.requests).extracting(LoopbackServer.Seen::path)
          .allSatisfy(path -> assertThat(path).startsWith("/hop"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] v4(String dotted) {
    byte[] b = new byte[4];
    String[] parts = dotted.split("\\.");
    for (int i = 0; i < 4; i++) {
      b[i] = (byte) Integer.parseInt(parts[i]);
    }
    return b;
  }

  /** Sixteen bytes from hexadecimal 16-bit words, then the IPv4 bytes that end the address. */
  private static byte[] v6(String words, byte[]... ipv4) {
    byte[] head = HexFormat.of().parseHex(words.replace(" ", ""));
    byte[] b = new byte[16];
    System.arraycopy(head, 0, b, 0, head.length);
    if (ipv4.length > 0) {
      System.arraycopy(ipv4[0], 0, b, 12, 4);
    }
    return b;
  }

  private static byte[] sixToFour(byte[] ipv4) {
    byte[] b = v6("2002 0000 0000 0000 0000 0000 0000 0001");
    System.arraycopy(ipv4, 0, b, 2, 4);
    return b;
  }

  /** A Teredo address: server 65.54.227.120, the client's IPv4 address inverted at the end. */
  private static byte[] teredo(byte[] ipv4) {
    byte[] b = v6("2001 0000 4136 e378 8000 63bf 0000 0000");
    for (int i = 0; i < 4; i++) {
      b[12 + i] = (byte) ~ipv4[i];
    }
    return b;
  }
}
