package org.watchfloor.model;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A standing question an analyst asks of the event record, and where to send the answer: which
 * events it fires on (types, weapons, actors, places, how well corroborated, news or passing
 * mention, planned or happened, a free-text query) and on which changes of them ({@link Trigger}).
 *
 * <p>Empty lists select anything. {@code weaponNames} is what {@code weapons} stood for in the
 * watch profile when the rule was made: a class ({@code ICBM}) with every system of that class
 * (Hwasong-18 …), so that deciding needs no profile and a rule means what it meant when added.
 *
 * @param id the name the analyst gave it, also the feed's path ({@code /alerts/ID.atom})
 * @param weapons the weapons as given (canonical names, classes included)
 * @param weaponNames the canonical weapon names that fire the rule
 * @param minOrigins least number of independent origins
 * @param minConfidence least event confidence, 0 to 1
 * @param includeBackground also fire on events only mentioned in passing (never the news of any article)
 * @param includePlanned also fire on planned (announced) events
 * @param query a Lucene query the event's summary, entities and evidence must match; {@code null} for none
 * @param webhookUrl where to POST each alert; {@code null} for none
 * @param webhookSecret the key of the HMAC-SHA256 signature of each webhook body
 * @param emails addresses each alert is mailed to
 * @param digests addresses that get the rule's alerts in one e-mail a day instead, with those of
 *     every other rule naming the same address
 */
public record AlertRule(
    String id,
    List<String> eventTypes,
    List<String> weapons,
    List<String> actors,
    List<String> places,
    Set<String> weaponNames,
    int minOrigins,
    double minConfidence,
    boolean includeBackground,
    boolean includePlanned,
    @Nullable String query,
    Set<Trigger> fireOn,
    @Nullable URI webhookUrl,
    @Nullable String webhookSecret,
    List<String> emails,
    List<String> digests,
    Instant createdAt) {

  /** What a rule id may be: it is a path segment and a command-line word. */
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  /** The changes of an event a rule fires on. */
  public enum Trigger {
    /** The event matches the rule for the first time (a new event, or one that now reaches the thresholds). */
    NEW,
    /** A matching event gains its second independent origin after the rule fired on it with one. */
    CORROBORATED,
    /** Independent origins of a matching event come to disagree on a field they did not disagree on before. */
    CONFLICT,
    /** An analyst confirms a matching event. */
    CONFIRMED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Trigger> fromLabel(String label) {
      for (Trigger t : values()) {
        if (t.label().equals(label)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
  }

  public AlertRule {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("rule id '" + id + "' is not lower-case letters, digits, '-' or '_'");
    }
    eventTypes = List.copyOf(eventTypes);
    weapons = List.copyOf(weapons);
    actors = List.copyOf(actors);
    places = List.copyOf(places);
    weaponNames = Set.copyOf(weaponNames);
    if (minOrigins < 1) {
      throw new IllegalArgumentException("minOrigins must be at least 1: " + minOrigins);
    }
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new IllegalArgumentException("minConfidence must be between 0 and 1: " + minConfidence);
    }
    fireOn = Set.copyOf(fireOn);
    if (fireOn.isEmpty()) {
      throw new IllegalArgumentException("a rule fires on at least one change");
    }
    if (webhookUrl != null && webhookSecret == null) {
      throw new IllegalArgumentException("a webhook needs its secret");
    }
    emails = List.copyOf(emails);
    digests = List.copyOf(digests);
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
