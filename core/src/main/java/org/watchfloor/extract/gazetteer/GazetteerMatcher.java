package org.watchfloor.extract.gazetteer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.watchfloor.profile.EntityDef;
import org.watchfloor.profile.EntityKind;
import org.watchfloor.profile.WatchProfile;

/**
 * Finds the entities of a profile's gazetteer in text, in one pass: case-insensitive,
 * indifferent to diacritics and to hyphens or spaces inside names ("Hwasong-18", "Hwasong 18",
 * "hwasong18"), on word boundaries ("Kim" is not found in "Kimchi"), with plurals ("ICBMs")
 * except for people, and the longest match winning over shorter overlapping ones. Where one
 * surface form names entities of different kinds (a city and a facility), all are returned with
 * the same span.
 *
 * <p>Built once per profile; immutable and safe to share between threads.
 */
public final class GazetteerMatcher {

  private final PhraseIndex<EntityDef> index;

  private GazetteerMatcher(PhraseIndex<EntityDef> index) {
    this.index = index;
  }

  /** A matcher for every name (canonical and aliases) of every entity of {@code profile}. */
  public static GazetteerMatcher of(WatchProfile profile) {
    return of(profile.entities());
  }

  /** A matcher for these entities only. */
  public static GazetteerMatcher of(List<EntityDef> entities) {
    PhraseIndex.Builder<EntityDef> builder = PhraseIndex.builder();
    for (EntityDef entity : entities) {
      for (String name : entity.names()) {
        builder.add(name, entity);
      }
    }
    return new GazetteerMatcher(builder.build(e -> e.kind() != EntityKind.PERSON));
  }

  /** The entity mentions in {@code text}, by start offset (offsets into {@code text}). */
  public List<EntityMatch> find(String text) {
    Objects.requireNonNull(text, "text");
    List<EntityMatch> matches = new ArrayList<>();
    for (PhraseIndex.Hit<EntityDef> hit : index.find(text)) {
      matches.add(new EntityMatch(hit.start(), hit.end(), hit.payload()));
    }
    return matches;
  }

  /**
   * The mentions of entities of these kinds. Overlaps are resolved among all kinds first, so a
   * place inside a longer facility name is not returned on its own.
   */
  public List<EntityMatch> find(String text, EntityKind... kinds) {
    Set<EntityKind> wanted = EnumSet.noneOf(EntityKind.class);
    wanted.addAll(kinds.length == 0 ? EnumSet.allOf(EntityKind.class) : List.of(kinds));
    return find(text).stream().filter(m -> wanted.contains(m.entity().kind())).toList();
  }
}
