package org.watchfloor.alert;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.watchfloor.WatchfloorException;

/**
 * The settings of the alert transports, kept in the store ({@code alert config KEY VALUE}), each
 * declared once here with its type, default and description. An unknown key or a value of the
 * wrong type is refused when it is set, and again when the settings are read.
 */
public final class AlertSettings {

  /** One setting: its key, how its text is read, its default ({@code null}: none) and what it does. */
  public record Option<T>(String key, Function<String, T> parse, @Nullable String defaultValue, String description) {

    T read(Map<String, String> values) {
      String v = values.getOrDefault(key, defaultValue);
      return v == null ? null : parse.apply(v);
    }
  }

  public static final Option<String> SMTP_HOST =
      new Option<>("smtp.host", AlertSettings::text, null, "SMTP server that e-mail alerts are sent through; none: no e-mail");
  public static final Option<Integer> SMTP_PORT =
      new Option<>("smtp.port", v -> integer(v, 1, 65535), "25", "SMTP server port");
  public static final Option<String> SMTP_SECURITY = new Option<>("smtp.security",
      v -> oneOf(v, List.of("none", "starttls", "tls")), "starttls",
      "none, starttls (upgrade the connection, required) or tls (TLS from the start)");
  public static final Option<String> SMTP_USER =
      new Option<>("smtp.user", AlertSettings::text, null, "SMTP login; none: send without logging in");
  public static final Option<String> SMTP_PASSWORD = new Option<>("smtp.password", AlertSettings::text, null,
      "SMTP password, kept in the store as given (protect the store's folder)");
  public static final Option<String> SMTP_FROM =
      new Option<>("smtp.from", AlertSettings::text, "watchfloor@localhost", "sender address of e-mail alerts");
  public static final Option<URI> BASE_URL = new Option<>("alerts.base-url", AlertSettings::url, "http://127.0.0.1:8080",
      "address of the workbench, for the event links in alerts");
  public static final Option<Boolean> ALLOW_PRIVATE_TARGETS = new Option<>("alerts.allow-private-targets",
      AlertSettings::bool, "false",
      "allow webhooks on loopback, private and link-local addresses (a receiver on this machine, a test server)");
  public static final Option<Duration> FIRST_RETRY = new Option<>("alerts.retry.first-seconds",
      v -> Duration.ofSeconds(integer(v, 1, 86_400)), "5", "wait before the first retry; each next one waits twice as long");
  public static final Option<Duration> MAX_RETRY = new Option<>("alerts.retry.max-seconds",
      v -> Duration.ofSeconds(integer(v, 1, 86_400)), "600", "longest wait between two attempts");
  public static final Option<Duration> GIVE_UP = new Option<>("alerts.retry.give-up-minutes",
      v -> Duration.ofMinutes(integer(v, 1, 7 * 24 * 60)), "60", "a delivery not through this long after its alert was decided is given up");
  public static final Option<Duration> TIMEOUT = new Option<>("alerts.timeout-seconds",
      v -> Duration.ofSeconds(integer(v, 1, 300)), "10", "time one webhook call or one SMTP exchange may take");
  public static final Option<Integer> DIGEST_HOUR = new Option<>("alerts.digest.hour", v -> integer(v, 0, 23), "7",
      "hour (0-23, in alerts.digest.zone) after which the daily digests of the day before are sent");
  public static final Option<ZoneId> DIGEST_ZONE = new Option<>("alerts.digest.zone", AlertSettings::zone, "UTC",
      "time zone of the digests' days and hour, e.g. UTC or Asia/Seoul");

  /** Every setting, in the order {@code alert config} lists them. */
  public static final List<Option<?>> OPTIONS = List.of(SMTP_HOST, SMTP_PORT, SMTP_SECURITY, SMTP_USER, SMTP_PASSWORD,
      SMTP_FROM, BASE_URL, ALLOW_PRIVATE_TARGETS, FIRST_RETRY, MAX_RETRY, GIVE_UP, TIMEOUT, DIGEST_HOUR, DIGEST_ZONE);

  private final Map<String, String> values;

  private AlertSettings(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** The settings stored; refuses an unknown key or a bad value with the key named. */
  public static AlertSettings of(Map<String, String> stored) {
    for (Map.Entry<String, String> e : stored.entrySet()) {
      check(e.getKey(), e.getValue());
    }
    return new AlertSettings(stored);
  }

  /** The defaults. */
  public static AlertSettings defaults() {
    return new AlertSettings(Map.of());
  }

  /** The option of {@code key}; {@link WatchfloorException.BadInput} naming the known keys if none. */
  public static Option<?> option(String key) {
    return OPTIONS.stream().filter(o -> o.key().equals(key)).findFirst().orElseThrow(() ->
        new WatchfloorException.BadInput("unknown alert setting '" + key + "' (known: "
            + String.join(", ", OPTIONS.stream().map(Option::key).toList()) + ")"));
  }

  /** Refuses a value that {@code key} cannot take. */
  public static void check(String key, String value) {
    Option<?> o = option(key);
    try {
      o.parse().apply(value);
    } catch (IllegalArgumentException e) {
      throw new WatchfloorException.BadInput("alert setting " + key + ": " + e.getMessage());
    }
  }

  public <T> T get(Option<T> option) {
    return option.read(values);
  }

  /** The value of every setting, set or default ({@code null} when it has none), by key. */
  public Map<String, @Nullable String> shown() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Option<?> o : OPTIONS) {
      out.put(o.key(), values.getOrDefault(o.key(), o.defaultValue()));
    }
    return out;
  }

  /** Whether the value of {@code key} was set rather than left at its default. */
  public boolean isSet(String key) {
    return values.containsKey(key);
  }

  private static String text(String v) {
    if (v.isBlank()) {
      throw new IllegalArgumentException("empty value (unset it instead)");
    }
    return v.strip();
  }

  private static int integer(String v, int min, int max) {
    try {
      int n = Integer.parseInt(v.strip());
      if (n < min || n > max) {
        throw new IllegalArgumentException(n + " is not between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + v + "' is not a whole number");
    }
  }

  private static boolean bool(String v) {
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new IllegalArgumentException("'" + v + "' is neither true nor false");
    };
  }

  private static String oneOf(String v, List<String> allowed) {
    String s = v.strip().toLowerCase(Locale.ROOT);
    if (!allowed.contains(s)) {
      throw new IllegalArgumentException("'" + v + "' is not one of " + String.join(", ", allowed));
    }
    return s;
  }

  private static ZoneId zone(String v) {
    try {
      return ZoneId.of(v.strip());
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("'" + v + "' is not a time zone (such as UTC, +09:00 or Asia/Seoul)");
    }
  }

  private static URI url(String v) {
    URI u;
    try {
      u = new URI(v.strip());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("'" + v + "' is not a URL");
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
      throw new IllegalArgumentException("'" + v + "' is not an http(s) URL with a host");
    }
    return u;
  }
}
