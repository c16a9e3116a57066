package org.watchfloor.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.watchfloor.WatchfloorException;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertRule;

/**
 * The Atom feed of one rule ({@code /alerts/RULE.atom}): its latest alerts, newest first, each an
 * entry whose id is the alert's idempotency key (so a reader shows each alert once, however often
 * it polls), linking to the event on the workbench, with the same text as the e-mail.
 */
public final class AtomFeed {

  /** Entries in a feed: a reader polling every few minutes never misses one. */
  public static final int ENTRIES = 50;

  private static final ObjectMapper JSON = new ObjectMapper();

  private AtomFeed() {}

  /** The rule's name a feed path names ({@code icbm.atom} → {@code icbm}), if it is one. */
  public static Optional<String> ruleOf(String file) {
    if (!file.endsWith(".atom")) {
      return Optional.empty();
    }
    String id = file.substring(0, file.length() - ".atom".length());
    return AlertRule.ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
  }

  /** The Atom document of the rule's alerts (newest first), its links under {@code baseUrl}. */
  public static String atom(AlertRule rule, List<Alert> newestFirst, URI baseUrl) {
    String base = baseUrl.toString().endsWith("/") ? baseUrl.toString().substring(0, baseUrl.toString().length() - 1)
        : baseUrl.toString();
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType("atom_1.0");
    feed.setTitle("Watchfloor alerts: " + rule.id());
    feed.setDescription(RuleText.describe(rule));
    feed.setUri("urn:watchfloor:alerts:" + rule.id());
    feed.setLink(base + "/");
    SyndLink self = new SyndLinkImpl();
    self.setRel("self");
    self.setType("application/atom+xml");
    self.setHref(base + "/alerts/" + rule.id() + ".atom");
    feed.setLinks(List.of(self));
    feed.setAuthor("Watchfloor");
    List<Alert> shown = newestFirst.stream().filter(a -> shown(rule, a)).toList();
    feed.setPublishedDate(Date.from(shown.isEmpty() ? rule.createdAt() : shown.get(0).decidedAt()));
    List<SyndEntry> entries = new ArrayList<>();
    for (Alert a : shown) {
      entries.add(entry(a, baseUrl));
    }
    feed.setEntries(entries);
    try {
      return new SyndFeedOutput().outputString(feed, true);
    } catch (FeedException e) {
      throw new WatchfloorException("cannot write the Atom feed of " + rule.id() + ": " + e.getMessage(), e);
    }
  }

  /** Whether the alert is one the rule tells of: a rule not told of new events records them silently. */
  static boolean shown(AlertRule rule, Alert a) {
    return !a.reason().equals("new") || rule.fireOn().contains(AlertRule.Trigger.NEW);
  }

  private static SyndEntry entry(Alert a, URI baseUrl) {
    JsonNode body;
    try {
      body = JSON.readTree(a.payload());
    } catch (JsonProcessingException e) {
      throw new WatchfloorException("alert " + a.idempotencyKey() + ": its body is not JSON", e);
    }
    MailText text = new MailText(body, baseUrl);
    SyndEntry entry = new SyndEntryImpl();
    entry.setUri("urn:watchfloor:alert:" + a.idempotencyKey());
    entry.setTitle(text.subject().substring("[Watchfloor] ".length()));
    entry.setLink(text.link());
    entry.setPublishedDate(Date.from(a.decidedAt()));
    entry.setUpdatedDate(Date.from(a.decidedAt()));
    SyndContent summary = new SyndContentImpl();
    summary.setType("text");
    summary.setValue(body.path("event").path("summary").asText());
    entry.setDescription(summary);
    SyndContent content = new SyndContentImpl();
    content.setType("text");
    content.setValue(text.plain());
    entry.setContents(List.of(content));
    List<SyndCategory> categories = new ArrayList<>();
    for (String term : List.of(body.path("event").path("type").asText(), a.reason())) {
      SyndCategory c = new SyndCategoryImpl();
      c.setName(term);
      categories.add(c);
    }
    entry.setCategories(categories);
    return entry;
  }
}
