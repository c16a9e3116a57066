package org.watchfloor.profile;

import java.util.List;
import java.util.Objects;

/**
 * An event type of a profile: its id, what counts as one, and the lower-case trigger phrases
 * (inflected forms listed explicitly) that suggest a sentence reports one.
 *
 * @param internal happens inside the state's leadership (a meeting, a production order, a visit
 *     to a plant): only the state's own media can be the primary source of one
 * @param label the type's name for people ("missile launch"), in filters, badges and charts
 * @param title how an event of the type is titled from its weapon, actor and place (see {@link
 *     TitleTemplate})
 * @param ruleRead read by the hand-written rules rather than the learned model in the articles
 *     the learned model reads (the default {@code --events routed}): for a type the annotated
 *     corpus holds too few happenings of to learn it from
 */
public record EventTypeDef(String id, String definition, List<String> triggers, boolean internal, String label,
    TitleTemplate title, boolean ruleRead) {

  public EventTypeDef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(title, "title");
    triggers = List.copyOf(triggers == null ? List.of() : triggers);
  }

  /** A type with its id for a label and its label for a title: for profiles that give neither. */
  public EventTypeDef(String id, String definition, List<String> triggers, boolean internal) {
    this(id, definition, triggers, internal, defaultLabel(id), TitleTemplate.parse("{label}"), false);
  }

  /** The id read as words: {@code weapons_test_other} → "weapons test other". */
  static String defaultLabel(String id) {
    return id.replace('_', ' ');
  }
}
