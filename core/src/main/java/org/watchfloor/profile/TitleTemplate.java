package org.watchfloor.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How an event type's events are titled for people, as the profile writes it: text with
 * placeholders ({@code {weapon}}, {@code {actor}}, {@code {place}}, {@code {label}}), each with an
 * optional fallback after a bar ({@code {weapon|missile}}), and optional parts in brackets that are
 * left out when a placeholder inside has no value: {@code {weapon|missile} launch[ from {place}]}
 * titles one launch "Hwasong-18 ICBM launch from the Pyongyang area" and another "Missile launch".
 * Parsed once, when the profile loads, so a typo is an error of the profile file.
 */
public final class TitleTemplate {

  /** The placeholders a template may name. */
  public static final Set<String> PLACEHOLDERS = Set.of("weapon", "actor", "place", "label");

  /** A piece of a template: literal text, a placeholder (with its fallback), or an optional group. */
  private sealed interface Part permits Text, Slot, Group {}

  private record Text(String text) implements Part {}

  private record Slot(String name, String fallback) implements Part {}

  private record Group(List<Part> parts) implements Part {}

  private final String source;
  private final List<Part> parts;

  private TitleTemplate(String source, List<Part> parts) {
    this.source = source;
    this.parts = List.copyOf(parts);
  }

  /**
   * Parses {@code source}.
   *
   * @throws IllegalArgumentException naming what is wrong and where: an unknown placeholder, an
   *     unclosed brace or bracket, a nested group
   */
  public static TitleTemplate parse(String source) {
    Objects.requireNonNull(source, "source");
    List<Part> top = new ArrayList<>();
    List<Part> group = null;
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      List<Part> into = group == null ? top : group;
      switch (c) {
        case '{' -> {
          int end = source.indexOf('}', i);
          if (end < 0) {
            throw new IllegalArgumentException("unclosed '{' at " + i + " in title '" + source + "'");
          }
          flush(text, into);
          String inside = source.substring(i + 1, end);
          int bar = inside.indexOf('|');
          String name = (bar < 0 ? inside : inside.substring(0, bar)).strip();
          if (!PLACEHOLDERS.contains(name)) {
            throw new IllegalArgumentException("unknown placeholder '{" + name + "}' in title '" + source
                + "' (known: " + new java.util.TreeSet<>(PLACEHOLDERS) + ")");
          }
          into.add(new Slot(name, bar < 0 ? null : inside.substring(bar + 1)));
          i = end + 1;
        }
        case '[' -> {
          if (group != null) {
            throw new IllegalArgumentException("'[' inside '[...]' at " + i + " in title '" + source + "'");
          }
          flush(text, into);
          group = new ArrayList<>();
          i++;
        }
        case ']' -> {
          if (group == null) {
            throw new IllegalArgumentException("']' without '[' at " + i + " in title '" + source + "'");
          }
          flush(text, group);
          top.add(new Group(group));
          group = null;
          i++;
        }
        case '}' -> throw new IllegalArgumentException("'}' without '{' at " + i + " in title '" + source + "'");
        default -> {
          text.append(c);
          i++;
        }
      }
    }
    if (group != null) {
      throw new IllegalArgumentException("unclosed '[' in title '" + source + "'");
    }
    flush(text, top);
    return new TitleTemplate(source, top);
  }

  private static void flush(StringBuilder text, List<Part> into) {
    if (!text.isEmpty()) {
      into.add(new Text(text.toString()));
      text.setLength(0);
    }
  }

  /**
   * The title for these placeholder values (a name absent or blank has none), its first letter in
   * upper case, spaces collapsed.
   */
  public String render(Map<String, String> values) {
    StringBuilder out = new StringBuilder();
    for (Part p : parts) {
      if (p instanceof Group g) {
        StringBuilder inner = new StringBuilder();
        if (append(g.parts(), values, inner)) {
          out.append(inner);
        }
      } else {
        append(List.of(p), values, out);
      }
    }
    String title = out.toString().strip().replaceAll("\\s+", " ");
    return title.isEmpty() ? title : title.substring(0, 1).toUpperCase(Locale.ROOT) + title.substring(1);
  }

  /** Appends the parts; whether each placeholder among them had a value (or a fallback). */
  private static boolean append(List<Part> parts, Map<String, String> values, StringBuilder out) {
    boolean complete = true;
    for (Part p : parts) {
      if (p instanceof Text t) {
        out.append(t.text());
      } else if (p instanceof Slot s) {
        String v = values.get(s.name());
        if (v == null || v.isBlank()) {
          v = s.fallback();
        }
        if (v == null || v.isBlank()) {
          complete = false;
        } else {
          out.append(v);
        }
      }
    }
    return complete;
  }

  @Override
  public String toString() {
    return source;
  }
}
