package org.watchfloor.eval.events;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.watchfloor.model.EventDate;

/**
 * One hand-labelled real-world event.
 *
 * @param types the acceptable event types (the gold's {@code |} alternatives, in the order written)
 * @param weapons canonical profile names of the weapons the gold names; empty when it names none
 *     the profile knows
 * @param articles the article urls (or {@code file:} paths) that report it
 * @param forgiven a judgement call: counted when found, forgiven when missed
 */
public record GoldEvent(
    String key,
    EventDate date,
    Set<String> types,
    String weaponsText,
    Set<String> weapons,
    List<String> articles,
    boolean forgiven) {

  public GoldEvent {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(date, "date");
    types = Collections.unmodifiableSet(new LinkedHashSet<>(types));
    weapons = Set.copyOf(weapons);
    articles = List.copyOf(articles);
  }
}
