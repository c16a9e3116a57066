package org.watchfloor.alert;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.watchfloor.WatchfloorException;
import org.watchfloor.ingest.AddressGuard;
import org.watchfloor.model.AlertRule;
import org.watchfloor.profile.EntityDef;
import org.watchfloor.profile.EntityKind;
import org.watchfloor.profile.WatchProfile;

/**
 * Makes a rule of what an analyst asked for, checked against the watch profile: event types it
 * knows, names its gazetteer knows (an alias or a plural leads to the canonical name, a weapon
 * class to the systems of that class), thresholds in range, a query that parses, a webhook the
 * address checks let through and e-mail addresses that are addresses. Every problem is reported
 * at once, in one {@link WatchfloorException.BadInput}.
 */
public final class RuleBuilder {

  /**
   * What the analyst asked for, as typed.
   *
   * @param fireOn trigger labels ({@code new}, {@code corroborated}, {@code conflict}, {@code confirmed})
   */
  public record Draft(String id, List<String> types, List<String> weapons, List<String> actors, List<String> places,
      int minOrigins, double minConfidence, boolean includeBackground, boolean includePlanned, @Nullable String query,
      List<String> fireOn, @Nullable String webhook, List<String> emails, List<String> digests) {

    public Draft {
      types = List.copyOf(types);
      weapons = List.copyOf(weapons);
      actors = List.copyOf(actors);
      places = List.copyOf(places);
      fireOn = List.copyOf(fireOn);
      emails = List.copyOf(emails);
      digests = List.copyOf(digests);
    }

    /** What the analyst would type to make {@code r} again: its criteria, triggers and targets. */
    public static Draft of(AlertRule r) {
      return new Draft(r.id(), r.eventTypes(), r.weapons(), r.actors(), r.places(), r.minOrigins(), r.minConfidence(),
          r.includeBackground(), r.includePlanned(), r.query(),
          r.fireOn().stream().sorted().map(AlertRule.Trigger::label).toList(),
          r.webhookUrl() == null ? null : r.webhookUrl().toString(), r.emails(), r.digests());
    }
  }

  /** A rule with its feed token, which is stored only as a digest and so shown once. */
  public record Made(AlertRule rule, String feedToken) {}

  private final Gazetteer gazetteer;
  private final AlertSettings settings;
  private final Clock clock;

  public RuleBuilder(WatchProfile profile, AlertSettings settings, Clock clock) {
    this.gazetteer = new Gazetteer(profile);
    this.settings = settings;
    this.clock = clock;
  }

  /** A new rule of the draft, with a new feed token (and a new webhook secret if it has a webhook). */
  public Made build(Draft d) {
    return new Made(rule(d, null), Tokens.random("feed_"));
  }

  /**
   * The rule {@code existing} changed to what the draft asks, as one of the same name: its feed
   * token stays (the feed keeps its address), and so does its webhook secret while the webhook's
   * URL does (a new URL gets a new secret); {@link WatchfloorException.BadInput} with every
   * problem, as for a new rule.
   */
  public AlertRule edit(Draft d, AlertRule existing) {
    if (!d.id().equals(existing.id())) {
      throw new IllegalArgumentException("editing " + existing.id() + " with a draft of " + d.id());
    }
    return rule(d, existing);
  }

  private AlertRule rule(Draft d, @Nullable AlertRule existing) {
    List<String> problems = new ArrayList<>();
    if (!AlertRule.ID.matcher(d.id()).matches()) {
      problems.add("rule name '" + d.id() + "' must be 1 to 64 lower-case letters, digits, '-' or '_', starting with a letter or digit");
    }
    List<String> types = new ArrayList<>();
    for (String t : d.types()) {
      if (gazetteer.eventTypes().contains(t.strip())) {
        types.add(t.strip());
      } else {
        problems.add("unknown event type '" + t + "' (the " + gazetteer.profileName() + " profile has: "
            + String.join(", ", gazetteer.eventTypes()) + ")");
      }
    }
    List<String> weapons = new ArrayList<>();
    Set<String> weaponNames = new LinkedHashSet<>();
    for (String w : d.weapons()) {
      Optional<EntityDef> found = gazetteer.find(w, Set.of(EntityKind.WEAPON));
      if (found.isPresent()) {
        weapons.add(found.get().canonical());
        weaponNames.addAll(gazetteer.weaponNames(found.get()));
      } else {
        problems.add(unknown("weapon", w));
      }
    }
    List<String> actors = canonical("actor", d.actors(), Set.of(EntityKind.PERSON, EntityKind.ORGANISATION), problems);
    List<String> places = canonical("place", d.places(), Set.of(EntityKind.PLACE, EntityKind.FACILITY), problems);
    if (d.minOrigins() < 1) {
      problems.add("--min-origins must be at least 1, not " + d.minOrigins());
    }
    if (!(d.minConfidence() >= 0 && d.minConfidence() <= 1)) {
      problems.add("--min-confidence must be between 0 and 1, not " + d.minConfidence());
    }
    String query = d.query() == null || d.query().isBlank() ? null : d.query().strip();
    if (query != null) {
      try {
        RuleMatcher.parse(query);
      } catch (WatchfloorException.BadInput e) {
        problems.add(e.getMessage());
      }
    }
    Set<AlertRule.Trigger> fireOn = EnumSet.noneOf(AlertRule.Trigger.class);
    for (String t : d.fireOn().isEmpty() ? List.of("new") : d.fireOn()) {
      AlertRule.Trigger.fromLabel(t.strip()).ifPresentOrElse(fireOn::add,
          () -> problems.add("unknown change '" + t + "' to fire on (new, corroborated, conflict, confirmed)"));
    }
    URI webhook = d.webhook() == null ? null : webhook(d.webhook(), problems);
    List<String> emails = addresses(d.emails(), problems);
    List<String> digests = addresses(d.digests(), problems);
    if (!problems.isEmpty()) {
      throw new WatchfloorException.BadInput("alert rule " + d.id() + (existing == null ? " not added" : " not changed")
          + ":\n  " + String.join("\n  ", problems));
    }
    String secret = null;
    if (webhook != null) {
      boolean sameUrl = existing != null && webhook.equals(existing.webhookUrl());
      secret = sameUrl ? existing.webhookSecret() : Tokens.random("whsec_");
    }
    return new AlertRule(d.id(), types, weapons, actors, places, weaponNames, d.minOrigins(),
        d.minConfidence(), d.includeBackground(), d.includePlanned(), query, fireOn, webhook, secret, emails, digests,
        existing == null ? clock.instant().truncatedTo(ChronoUnit.SECONDS) : existing.createdAt());
  }

  private static List<String> addresses(List<String> given, List<String> problems) {
    List<String> out = new ArrayList<>();
    for (String e : given) {
      try {
        InternetAddress a = new InternetAddress(e.strip(), true);
        if (!out.contains(a.getAddress())) {
          out.add(a.getAddress());
        }
      } catch (AddressException ex) {
        problems.add("'" + e + "' is not an e-mail address: " + ex.getMessage());
      }
    }
    return out;
  }

  private List<String> canonical(String what, List<String> names, Set<EntityKind> kinds, List<String> problems) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      gazetteer.find(n, kinds).ifPresentOrElse(e -> out.add(e.canonical()), () -> problems.add(unknown(what, n)));
    }
    return out;
  }

  private String unknown(String what, String name) {
    return "unknown " + what + " '" + name + "': not a name in the " + gazetteer.profileName() + " profile's gazetteer";
  }

  private @Nullable URI webhook(String text, List<String> problems) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      problems.add("webhook '" + text + "' is not a URL: " + e.getReason());
      return null;
    }
    String why = guard(settings).refusal(uri);
    if (why != null) {
      problems.add("webhook " + text + " " + why);
      return null;
    }
    return uri;
  }

  /** The address checks of ingest, with private targets allowed only where the settings allow them. */
  static AddressGuard guard(AlertSettings settings) {
    return new AddressGuard(settings.get(AlertSettings.ALLOW_PRIVATE_TARGETS),
        "allow it with: watchfloor alert config " + AlertSettings.ALLOW_PRIVATE_TARGETS.key() + " true");
  }
}
