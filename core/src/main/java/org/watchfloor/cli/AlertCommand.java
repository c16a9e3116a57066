package org.watchfloor.cli;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.watchfloor.WatchfloorException;
import org.watchfloor.alert.AlertSettings;
import org.watchfloor.alert.Deliverer;
import org.watchfloor.alert.RuleBuilder;
import org.watchfloor.alert.RuleTest;
import org.watchfloor.alert.RuleText;
import org.watchfloor.alert.Tokens;
import org.watchfloor.model.AlertRule;
import org.watchfloor.model.Event;
import org.watchfloor.store.AlertConnection;
import org.watchfloor.store.AlertRows;
import org.watchfloor.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code watchfloor alert}: the alert rules of a store and the settings of their transports.
 * Rules and settings go over a connection of their own ({@link AlertConnection}), so the commands
 * work while {@code run} holds the store, and a rule added is in force from the next article.
 */
@Command(name = "alert", mixinStandardHelpOptions = true,
    description = "Manages alert rules: which events to be told of, and how (webhook, e-mail, an Atom feed per rule).",
    subcommands = {AlertCommand.Add.class, AlertCommand.ListRules.class, AlertCommand.Remove.class,
        AlertCommand.Test.class, AlertCommand.Deliver.class, AlertCommand.Config.class})
final class AlertCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return Main.USAGE;
  }

  /** Work on the alert tables of the store, in one transaction. */
  @FunctionalInterface
  private interface AlertWork {
    int run(AlertRows rows) throws SQLException;
  }

  /**
   * Runs {@code work} on the alert tables beside whatever holds the store; a store not there yet
   * (or of an older schema) is opened for writing first, to create (or upgrade) it.
   */
  private static int withAlerts(StoreOptions options, AlertWork work) {
    Store store;
    try {
      store = options.openToRead();
    } catch (WatchfloorException.StoreRefused notReadable) {
      store = options.open();
    }
    try (Store s = store; AlertConnection alerts = AlertConnection.beside(s)) {
      return alerts.inTransaction(() -> work.run(alerts.alerts()));
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Adds a rule. Empty criteria select anything; names are checked against the watch profile's",
          "gazetteer, and a weapon class (ICBM) also selects the systems of that class (Hwasong-18 …).",
          "By default a rule fires once per event, when the event first matches (--on new), on news only."})
  static final class Add implements Callable<Integer> {
    @Mixin StoreOptions options;
    @Parameters(paramLabel = "NAME", description = "The rule's name: lower-case letters, digits, '-' or '_'.") String id;
    @Option(names = "--type", paramLabel = "TYPE", description = "An event type (repeatable), e.g. missile_launch.")
    List<String> types = new ArrayList<>();
    @Option(names = "--weapon", paramLabel = "NAME", description = "A weapon or weapon class (repeatable): any one fires.")
    List<String> weapons = new ArrayList<>();
    @Option(names = "--actor", paramLabel = "NAME", description = "A person or organisation (repeatable): any one fires.")
    List<String> actors = new ArrayList<>();
    @Option(names = "--place", paramLabel = "NAME", description = "A place or facility (repeatable): any one fires.")
    List<String> places = new ArrayList<>();
    @Option(names = "--min-origins", paramLabel = "N", defaultValue = "1",
        description = "Least number of independent origins (default: ${DEFAULT-VALUE}).")
    int minOrigins;
    @Option(names = "--min-confidence", paramLabel = "X", defaultValue = "0",
        description = "Least event confidence, 0 to 1 (default: ${DEFAULT-VALUE}).")
    double minConfidence;
    @Option(names = "--include-background", description = "Also fire on events that articles only mention in passing.")
    boolean includeBackground;
    @Option(names = "--include-planned", description = "Also fire on planned (announced) events.")
    boolean includePlanned;
    @Option(names = "--query", paramLabel = "LUCENE", description = "A search query the event's summary, names and evidence must match.")
    String query;
    @Option(names = "--on", paramLabel = "CHANGE", split = ",",
        description = "The changes to fire on: new, corroborated (a second independent origin), conflict (a new"
            + " disagreement), confirmed (by an analyst); comma-separated (default: new).")
    List<String> fireOn = new ArrayList<>();
    @Option(names = "--webhook", paramLabel = "URL", description = "POST each alert here as signed JSON.")
    String webhook;
    @Option(names = "--email", paramLabel = "ADDRESS", description = "Mail each alert here (repeatable; see alert config smtp.*).")
    List<String> emails = new ArrayList<>();
    @Option(names = "--digest", paramLabel = "ADDRESS",
        description = "Mail the rule's alerts here once a day, in one digest with those of every rule naming the address"
            + " (repeatable; see alert config alerts.digest.*).")
    List<String> digests = new ArrayList<>();
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      RuleBuilder.Draft draft = new RuleBuilder.Draft(id, types, weapons, actors, places, minOrigins, minConfidence,
          includeBackground, includePlanned, query, fireOn, webhook, emails, digests);
      return withAlerts(options, rows -> {
        AlertSettings settings = AlertSettings.of(rows.settings());
        RuleBuilder.Made made = new RuleBuilder(options.loadProfile(), settings, Clock.systemUTC()).build(draft);
        AlertRule r = made.rule();
        if (!rows.insertRule(r, Tokens.digest(made.feedToken()))) {
          throw new WatchfloorException.BadInput("alert rule " + r.id() + " exists already: remove it first to change it");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("added alert rule %s: %s%n", r.id(), RuleText.describe(r));
        if (r.webhookUrl() != null) {
          out.printf("webhook %s, signed (X-Watchfloor-Signature: sha256=HMAC of the body) with this key, shown once:%n  %s%n",
              r.webhookUrl(), r.webhookSecret());
        }
        for (String to : r.emails()) {
          out.printf("e-mail to %s%n", to);
        }
        for (String to : r.digests()) {
          out.printf("daily digest to %s, after %02d:00 %s%n", to, settings.get(AlertSettings.DIGEST_HOUR),
              settings.get(AlertSettings.DIGEST_ZONE).getId());
        }
        out.printf("atom feed (its token is shown once):%n  %s/alerts/%s.atom?token=%s%n",
            stripSlash(settings.get(AlertSettings.BASE_URL).toString()), r.id(), made.feedToken());
        out.flush();
        return Main.OK;
      });
    }
  }

  static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Lists the rules, each with how its deliveries stand (delivered, pending, failed and the last failure).")
  static final class ListRules implements Callable<Integer> {
    @Mixin StoreOptions options;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      return withAlerts(options, rows -> {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Integer> counts = rows.alertCounts();
        List<AlertRows.Tally> tallies = rows.tallies();
        List<AlertRows.DigestTally> digestTallies = rows.digestTallies();
        List<AlertRule> rules = rows.rules();
        if (rules.isEmpty()) {
          out.println("no alert rules (add one with: watchfloor alert add NAME …)");
        }
        for (AlertRule r : rules) {
          int n = counts.getOrDefault(r.id(), 0);
          out.printf("%s: %s%n", r.id(), RuleText.describe(r));
          out.printf("  %d alert%s decided; feed /alerts/%s.atom%n", n, n == 1 ? "" : "s", r.id());
          if (r.webhookUrl() == null && r.emails().isEmpty() && r.digests().isEmpty()) {
            out.println("  no webhook or e-mail: the feed only");
          }
          for (AlertRows.Tally t : tallies) {
            if (t.ruleId().equals(r.id())) {
              out.printf(Locale.ROOT, "  %s %s: %d delivered, %d pending, %d failed%s%n", t.channel().label(), t.target(),
                  t.delivered(), t.pending(), t.failed(), t.lastError() == null ? "" : "; last failure: " + t.lastError());
            }
          }
          for (String to : r.digests()) {
            AlertRows.DigestTally t = digestTallies.stream().filter(x -> x.address().equals(to)).findFirst()
                .orElse(new AlertRows.DigestTally(to, 0, 0, 0, 0, null));
            out.printf(Locale.ROOT, "  digest %s: %d sent, %d pending, %d failed, %d alert%s waiting for the next%s%n",
                to, t.delivered(), t.pending(), t.failed(), t.waiting(), t.waiting() == 1 ? "" : "s",
                t.lastError() == null ? "" : "; last failure: " + t.lastError());
          }
        }
        out.flush();
        return Main.OK;
      });
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true,
      description = "Removes a rule with its alerts; deliveries still pending are dropped.")
  static final class Remove implements Callable<Integer> {
    @Mixin StoreOptions options;
    @Parameters(paramLabel = "NAME") String id;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      return withAlerts(options, rows -> {
        int n = rows.alertCounts().getOrDefault(id, 0);
        if (!rows.deleteRule(id)) {
          throw new WatchfloorException.BadInput("no alert rule " + id);
        }
        spec.commandLine().getOut().printf("removed alert rule %s and its %d alert%s%n", id, n, n == 1 ? "" : "s");
        return Main.OK;
      });
    }
  }

  @Command(name = "test", mixinStandardHelpOptions = true,
      description = {"Lists the stored events the rule matches now (each would fire 'new' if it were created now),",
          "newest first, without deciding or delivering anything."})
  static final class Test implements Callable<Integer> {
    @Mixin StoreOptions options;
    @Parameters(paramLabel = "NAME") String id;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Store store = options.openToRead()) {
        List<Event> hits = store.inTransaction(() -> {
          AlertRule r = store.alerts().rule(id).orElseThrow(() -> new WatchfloorException.BadInput("no alert rule " + id));
          return RuleTest.matching(store, r);
        });
        for (Event e : hits) {
          out.printf(Locale.ROOT, "%-16s  %-20s  %-10s  %2d orig  %.2f  %s%n", e.id(), e.type(),
              e.date().isKnown() ? e.date().iso() : "?", e.independentOrigins(), e.confidence(),
              EventsCommand.abbreviate(e.summary(), 80));
        }
        out.printf("%d stored event%s match%s %s%n", hits.size(), hits.size() == 1 ? "" : "s",
            hits.size() == 1 ? "es" : "", id);
        out.flush();
        return Main.OK;
      }
    }
  }

  @Command(name = "deliver", mixinStandardHelpOptions = true,
      description = {"Sends the alerts that are due now, once each, and says how it went (run does this every second;",
          "this is for a store no run is watching)."})
  static final class Deliver implements Callable<Integer> {
    @Mixin StoreOptions options;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (Store store = options.openToRead(); Deliverer deliverer = Deliverer.beside(store)) {
        Deliverer.Sweep s = deliverer.deliverDue();
        spec.commandLine().getOut().printf("alerts: %d delivered, %d to be retried, %d failed%n", s.delivered(),
            s.retrying(), s.failed());
        return Main.OK;
      }
    }
  }

  @Command(name = "config", mixinStandardHelpOptions = true,
      description = {"Shows the alert settings, or sets one (KEY VALUE), or resets one to its default (KEY --unset).",
          "Keys: smtp.host, smtp.port, smtp.security, smtp.user, smtp.password, smtp.from, alerts.base-url,",
          "alerts.allow-private-targets, alerts.retry.first-seconds, alerts.retry.max-seconds,",
          "alerts.retry.give-up-minutes, alerts.timeout-seconds, alerts.digest.hour, alerts.digest.zone."})
  static final class Config implements Callable<Integer> {
    @Mixin StoreOptions options;
    @Parameters(index = "0", arity = "0..1", paramLabel = "KEY") String key;
    @Parameters(index = "1", arity = "0..1", paramLabel = "VALUE") String value;
    @Option(names = "--unset", description = "Reset KEY to its default.") boolean unset;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      return withAlerts(options, rows -> {
        if (key == null) {
          AlertSettings settings = AlertSettings.of(rows.settings());
          for (AlertSettings.Option<?> o : AlertSettings.OPTIONS) {
            String v = settings.shown().get(o.key());
            boolean secret = o == AlertSettings.SMTP_PASSWORD && v != null;
            out.printf("%s = %s%s%n", o.key(), v == null ? "(none)" : secret ? "(set)" : v,
                settings.isSet(o.key()) ? "" : "  (default)");
          }
        } else if (unset) {
          AlertSettings.option(key);
          rows.unsetSetting(key);
          out.printf("%s reset to its default%n", key);
        } else if (value == null) {
          AlertSettings.option(key);
          String v = AlertSettings.of(rows.settings()).shown().get(key);
          out.println(v == null ? "(none)" : key.equals(AlertSettings.SMTP_PASSWORD.key()) ? "(set)" : v);
        } else {
          AlertSettings.check(key, value);
          rows.setSetting(key, value.strip());
          out.printf("%s = %s%n", key, key.equals(AlertSettings.SMTP_PASSWORD.key()) ? "(set)" : value.strip());
        }
        out.flush();
        return Main.OK;
      });
    }
  }
}
