package org.watchfloor.profile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A watch profile: the event types, gazetteer, origins, default feeds and cue lexicons of one
 * watch, loaded from a directory of YAML files and validated.
 *
 * <p>Layout of a profile directory: {@code profile.yaml} (name, version, description, the closed
 * list of event types, gazetteer files, feeds, lexicons, the rows of GDELT exports that concern
 * the watch), {@code event-types.yaml}, {@code
 * origins.yaml}, {@code gazetteer/*.yaml}, one file per entity kind, and optionally {@code
 * occasions.yaml} (see {@link OccasionVocabulary}).
 */
public record WatchProfile(
    String name,
    int version,
    String description,
    List<EventTypeDef> eventTypes,
    List<EntityDef> entities,
    List<OriginDef> origins,
    List<FeedDef> feeds,
    Map<String, List<String>> lexicons,
    OccasionVocabulary occasions,
    GdeltDef gdelt) {

  /** Where built-in profiles live on the classpath: {@code profiles/<name>/}. */
  public static final String CLASSPATH_ROOT = "profiles/";

  public WatchProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    eventTypes = List.copyOf(eventTypes);
    entities = List.copyOf(entities);
    origins = List.copyOf(origins);
    feeds = List.copyOf(feeds);
    lexicons = Map.copyOf(lexicons);
    lexicons.values().forEach(Objects::requireNonNull);
    Objects.requireNonNull(occasions, "occasions");
    Objects.requireNonNull(gdelt, "gdelt");
  }

  /** A built-in profile by name, or the profile in a directory when one by that path exists (what {@code --profile} takes). */
  public static WatchProfile named(String nameOrDir) {
    Path dir = Path.of(nameOrDir);
    return java.nio.file.Files.isDirectory(dir) ? load(dir) : load(nameOrDir);
  }

  /**
   * Loads the built-in profile {@code name} from the classpath ({@code profiles/<name>/}).
   *
   * @throws ProfileException if a file is missing, malformed or inconsistent
   */
  public static WatchProfile load(String name) {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[a-z0-9][a-z0-9_-]*")) {
      throw new ProfileException(CLASSPATH_ROOT + name, "not a profile name: '" + name + "'");
    }
    return new ProfileLoader(ProfileFiles.classpath(CLASSPATH_ROOT + name + "/")).load();
  }

  /**
   * Loads a profile from a directory of the same layout as the built-in ones.
   *
   * @throws ProfileException if a file is missing, malformed or inconsistent
   */
  public static WatchProfile load(Path dir) {
    return new ProfileLoader(ProfileFiles.directory(dir)).load();
  }

  /** The entity with this id. */
  public Optional<EntityDef> entity(String id) {
    for (EntityDef entity : entities) {
      if (entity.id().equals(id)) {
        return Optional.of(entity);
      }
    }
    return Optional.empty();
  }

  /** The entities of this kind, in file order. */
  public List<EntityDef> entities(EntityKind kind) {
    return entities.stream().filter(e -> e.kind() == kind).toList();
  }

  /** The event type with this id. */
  public Optional<EventTypeDef> eventType(String id) {
    return eventTypes.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /** The ids of the event types, in the order the profile declares them. */
  public List<String> eventTypeIds() {
    return eventTypes.stream().map(EventTypeDef::id).toList();
  }

  /** The origin with this id. */
  public Optional<OriginDef> origin(String id) {
    return origins.stream().filter(o -> o.id().equals(id)).findFirst();
  }

  /**
   * The cue list {@code name} (e.g. {@code hedges}), or an empty list if this profile has none.
   *
   * @throws IllegalArgumentException for a name {@link Lexicons} does not know: a misspelling in
   *     the code, which would otherwise read an empty list without a word
   */
  public List<String> lexicon(String name) {
    if (!Lexicons.known(name, eventTypes.stream().map(EventTypeDef::id).toList())) {
      throw new IllegalArgumentException("no lexicon is named '" + name + "' (known: " + Lexicons.listing() + ")");
    }
    return lexicons.getOrDefault(name, List.of());
  }
}
