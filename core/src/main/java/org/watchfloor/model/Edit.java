package org.watchfloor.model;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One analyst edit of the event record: who did what to which event, when and why, and the pins
 * that make it survive re-processing.
 *
 * @param id the edit's place in the log (0 before it is stored)
 * @param target the event edited: the surviving event of a merge, the event split
 * @param other the event merged into {@code target}; {@code null} for other kinds
 * @param articles the articles split off, as the analyst gave them; for a merge, the articles of
 *     the event merged in (empty in merges recorded before they were kept); empty for other kinds
 * @param pins the (article, report type) pairs the edit keeps together or apart, each with the
 *     event it belongs to; stable across re-processing because article ids are content hashes
 * @param field the field corrected ({@code type}, {@code date}, {@code summary}, {@code actors},
 *     {@code weapons}, {@code locations}, {@code planned} or an attribute such as {@code range_km})
 * @param value the analyst's value of {@code field}
 * @param status whether the edit holds, or why not ({@code reason})
 * @param absorbed for a merge, the event merged in as it was (type, date, planned, actors,
 *     weapons, locations): a report arriving later that matches it joins the surviving event
 */
public record Edit(
    long id,
    Kind kind,
    String target,
    @Nullable String other,
    List<String> articles,
    List<Pin> pins,
    @Nullable String field,
    @Nullable String value,
    String analyst,
    Instant at,
    @Nullable String note,
    Status status,
    @Nullable String reason,
    @Nullable Event absorbed) {

  /** What an edit does. */
  public enum Kind {
    CONFIRM, REJECT, MERGE, SPLIT, CORRECT;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind fromLabel(String label) {
      return valueOf(label.toUpperCase(Locale.ROOT));
    }
  }

  /** Whether an edit holds. */
  public enum Status {
    APPLIED, SUPERSEDED, NOT_APPLIED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Status fromLabel(String label) {
      return valueOf(label.toUpperCase(Locale.ROOT));
    }
  }

  /** The report of {@code articleId} of type {@code type} belongs to event {@code event}. */
  public record Pin(String articleId, String type, String event) {
    public Pin {
      Objects.requireNonNull(articleId, "articleId");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(event, "event");
    }

    public Key key() {
      return new Key(articleId, type);
    }
  }

  /** What a pin pins: the report of one article about one type of event. */
  public record Key(String articleId, String type) {}

  public Edit {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(analyst, "analyst");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(status, "status");
    articles = List.copyOf(articles);
    pins = List.copyOf(pins);
    if (analyst.isBlank()) {
      throw new IllegalArgumentException("an edit needs the analyst's name");
    }
    if (kind == Kind.MERGE && other == null) {
      throw new IllegalArgumentException("a merge needs the event merged in");
    }
    if (kind == Kind.SPLIT && articles.isEmpty()) {
      throw new IllegalArgumentException("a split needs the articles split off");
    }
    if (kind == Kind.CORRECT && (field == null || value == null)) {
      throw new IllegalArgumentException("a correction needs a field and a value");
    }
  }

  public Edit withStatus(Status newStatus, @Nullable String newReason) {
    return new Edit(id, kind, target, other, articles, pins, field, value, analyst, at, note, newStatus, newReason, absorbed);
  }

  public Edit withId(long newId) {
    return new Edit(newId, kind, target, other, articles, pins, field, value, analyst, at, note, status, reason, absorbed);
  }
}
