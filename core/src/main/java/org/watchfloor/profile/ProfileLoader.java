package org.watchfloor.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.watchfloor.profile.ProfileFileFormat.EntityYaml;
import org.watchfloor.profile.ProfileFileFormat.EventTypeYaml;
import org.watchfloor.profile.ProfileFileFormat.EventTypesYaml;
import org.watchfloor.profile.ProfileFileFormat.FeedYaml;
import org.watchfloor.profile.ProfileFileFormat.GazetteerYaml;
import org.watchfloor.profile.ProfileFileFormat.GdeltYaml;
import org.watchfloor.profile.ProfileFileFormat.OriginYaml;
import org.watchfloor.profile.ProfileFileFormat.OriginsYaml;
import org.watchfloor.profile.ProfileFileFormat.ProfileYaml;

/** Reads the files of one profile and checks them against each other; fails on the first error. */
final class ProfileLoader {

  static final String PROFILE_FILE = "profile.yaml";
  static final String EVENT_TYPES_FILE = "event-types.yaml";
  static final String ORIGINS_FILE = "origins.yaml";
  static final String OCCASIONS_FILE = "occasions.yaml";
  static final String GAZETTEER_DIR = "gazetteer/";

  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private final ProfileFiles files;

  ProfileLoader(ProfileFiles files) {
    this.files = files;
  }

  WatchProfile load() {
    ProfileYaml profile = read(PROFILE_FILE, ProfileYaml.class);
    String name = required(PROFILE_FILE, "name", profile.name());
    if (profile.version() == null) {
      throw problem(PROFILE_FILE, "missing key 'version'");
    }
    List<String> declaredTypes = nonEmpty(PROFILE_FILE, "event_types", profile.eventTypes());
    List<String> gazetteerFiles = nonEmpty(PROFILE_FILE, "gazetteer", profile.gazetteer());

    List<EventTypeDef> eventTypes = loadEventTypes(declaredTypes);
    Map<String, String> fileOfId = new HashMap<>();
    Map<String, EntityDef> ownerOfName = new HashMap<>();
    List<EntityDef> entities = new ArrayList<>();
    for (String file : gazetteerFiles) {
      if (!file.matches("[a-z0-9][a-z0-9_-]*\\.yaml")) {
        throw problem(PROFILE_FILE, "not a gazetteer file name: '" + file + "'");
      }
      String relative = GAZETTEER_DIR + file;
      for (EntityDef entity : loadGazetteer(relative)) {
        checkEntity(relative, entity, fileOfId, ownerOfName);
        entities.add(entity);
      }
    }
    return new WatchProfile(
        name,
        profile.version(),
        profile.description() == null ? "" : profile.description().strip(),
        eventTypes,
        entities,
        loadOrigins(),
        feeds(profile.feeds()),
        lexicons(profile.lexicons(), eventTypes.stream().map(EventTypeDef::id).toList()),
        new OccasionsLoader(this).load(OCCASIONS_FILE, declaredTypes),
        gdelt(profile.gdelt()));
  }

  private List<EventTypeDef> loadEventTypes(List<String> declared) {
    String file = EVENT_TYPES_FILE;
    EventTypesYaml yaml = read(EVENT_TYPES_FILE, EventTypesYaml.class);
    Set<String> closed = new HashSet<>();
    for (String id : declared) {
      if (!closed.add(id)) {
        throw problem(PROFILE_FILE, "event type '" + id + "' declared twice in event_types");
      }
    }
    Map<String, EventTypeDef> byId = new LinkedHashMap<>();
    for (EventTypeYaml type : nonEmpty(file, "event_types", yaml.eventTypes())) {
      String id = required(file, "id", type.id());
      if (!closed.contains(id)) {
        throw problem(
            EVENT_TYPES_FILE,
            "event type '" + id + "' is not in the closed list of " + PROFILE_FILE + ": " + declared);
      }
      if (byId.containsKey(id)) {
        throw problem(EVENT_TYPES_FILE, "duplicate event type id '" + id + "'");
      }
      String definition = required(file, "definition of " + id, type.definition());
      List<String> triggers = phrases(EVENT_TYPES_FILE, "triggers of " + id, type.triggers());
      String label = type.label() == null ? EventTypeDef.defaultLabel(id) : type.label().strip();
      if (label.isEmpty()) {
        throw problem(EVENT_TYPES_FILE, "empty label of " + id);
      }
      TitleTemplate title;
      try {
        title = TitleTemplate.parse(type.title() == null ? "{label}" : type.title());
      } catch (IllegalArgumentException e) {
        throw problem(EVENT_TYPES_FILE, "title of " + id + ": " + e.getMessage());
      }
      boolean ruleRead = switch (type.reader() == null ? "model" : type.reader().strip()) {
        case "model" -> false;
        case "rules" -> true;
        default -> throw problem(EVENT_TYPES_FILE, "reader of " + id + ": '" + type.reader() + "' is neither model nor rules");
      };
      byId.put(id, new EventTypeDef(id, definition.strip(), triggers, Boolean.TRUE.equals(type.internal()), label,
          title, ruleRead));
    }
    List<EventTypeDef> ordered = new ArrayList<>();
    for (String id : declared) {
      EventTypeDef type = byId.get(id);
      if (type == null) {
        throw problem(EVENT_TYPES_FILE, "event type '" + id + "' is declared but not defined");
      }
      ordered.add(type);
    }
    return ordered;
  }

  private List<EntityDef> loadGazetteer(String relative) {
    String file = relative;
    GazetteerYaml yaml = read(relative, GazetteerYaml.class);
    String label = required(file, "kind", yaml.kind());
    EntityKind kind =
        EntityKind.fromLabel(label)
            .orElseThrow(() -> problem(relative, "unknown entity kind '" + label + "'"));
    List<EntityDef> entities = new ArrayList<>();
    for (EntityYaml entity : nonEmpty(file, "entities", yaml.entities())) {
      String id = required(file, "id", entity.id());
      if (!id.matches("[a-z]+/[a-z0-9][a-z0-9._-]*")) {
        throw problem(relative, "malformed entity id '" + id + "' (want kind/slug in lower case)");
      }
      if (!id.startsWith(kind.label() + "/")) {
        throw problem(relative, "entity id '" + id + "' does not start with '" + label + "/'");
      }
      String canonical = entity.canonical();
      if (canonical == null || canonical.isBlank()) {
        throw problem(relative, "empty canonical name for '" + id + "'");
      }
      List<String> aliases = entity.aliases() == null ? List.of() : entity.aliases();
      for (String alias : aliases) {
        if (alias == null || SurfaceForms.key(alias).isEmpty()) {
          throw problem(relative, "alias of '" + id + "' has no letters or digits: " + alias);
        }
      }
      if (entity.attributes() != null && entity.attributes().containsValue(null)) {
        throw problem(relative, "attribute without a value on '" + id + "'");
      }
      entities.add(
          new EntityDef(id, kind, canonical.strip(), aliases, entity.attributes()));
    }
    return entities;
  }

  /** Ids are unique across the profile; a surface form names one entity of a kind at most. */
  private void checkEntity(
      String relative,
      EntityDef entity,
      Map<String, String> fileOfId,
      Map<String, EntityDef> ownerOfName) {
    String earlier = fileOfId.putIfAbsent(entity.id(), relative);
    if (earlier != null) {
      throw problem(
          relative, "duplicate entity id '" + entity.id() + "' (first defined in " + earlier + ")");
    }
    for (String name : entity.names()) {
      String key = entity.kind().label() + ":" + SurfaceForms.key(name);
      EntityDef owner = ownerOfName.putIfAbsent(key, entity);
      if (owner != null && owner != entity) {
        throw problem(
            relative,
            "alias '" + name + "' names both '" + owner.id() + "' and '" + entity.id() + "'");
      }
    }
  }

  private List<OriginDef> loadOrigins() {
    String file = ORIGINS_FILE;
    OriginsYaml yaml = read(ORIGINS_FILE, OriginsYaml.class);
    Set<String> ids = new HashSet<>();
    List<OriginDef> origins = new ArrayList<>();
    for (OriginYaml origin : nonEmpty(file, "origins", yaml.origins())) {
      String id = required(file, "id", origin.id());
      if (!ids.add(id)) {
        throw problem(ORIGINS_FILE, "duplicate origin id '" + id + "'");
      }
      String name = required(file, "name of " + id, origin.name());
      origins.add(new OriginDef(id, name, phrases(ORIGINS_FILE, "cues of " + id, origin.cues()),
          Boolean.TRUE.equals(origin.stateMedia())));
    }
    return origins;
  }

  private List<FeedDef> feeds(List<FeedYaml> yaml) {
    String file = PROFILE_FILE;
    List<FeedDef> feeds = new ArrayList<>();
    for (FeedYaml feed : yaml == null ? List.<FeedYaml>of() : yaml) {
      String name = required(file, "name of a feed", feed.name());
      String url = required(file, "url of feed " + name, feed.url());
      String scheme;
      try {
        scheme = URI.create(url).getScheme();
      } catch (IllegalArgumentException e) {
        throw problem(PROFILE_FILE, "feed " + name + " has a malformed url: " + url);
      }
      if (!"http".equals(scheme) && !"https".equals(scheme)) {
        throw problem(PROFILE_FILE, "feed " + name + " is not an http(s) url: " + url);
      }
      Integer seconds = feed.intervalSeconds();
      if (seconds != null && seconds < 1) {
        throw problem(PROFILE_FILE, "feed " + name + " has interval_seconds " + seconds + ": it must be 1 or more");
      }
      feeds.add(new FeedDef(name, url, seconds == null ? null : java.time.Duration.ofSeconds(seconds)));
    }
    return feeds;
  }

  private GdeltDef gdelt(GdeltYaml yaml) {
    if (yaml == null) {
      return GdeltDef.NONE;
    }
    Set<String> actors = codes("gdelt actor_countries", yaml.actorCountries(), "[A-Z]{3}", "a three-letter CAMEO country code");
    Set<String> places = codes("gdelt geo_countries", yaml.geoCountries(), "[A-Z]{2}", "a two-letter FIPS country code");
    // pieces of a URL, matched as they are: not phrases, whose hyphens and spaces are folded
    List<String> terms = yaml.urlTerms() == null ? List.of() : yaml.urlTerms();
    for (String term : terms) {
      if (term == null || term.isBlank() || !term.equals(term.strip().toLowerCase(Locale.ROOT)) || term.contains(" ")) {
        throw problem(PROFILE_FILE, "gdelt url_terms: '" + term + "' is not a lower-case piece of a URL");
      }
      if (terms.indexOf(term) != terms.lastIndexOf(term)) {
        throw problem(PROFILE_FILE, "gdelt url_terms: '" + term + "' listed twice");
      }
    }
    GdeltDef gdelt = new GdeltDef(actors, places, terms);
    if (gdelt.isEmpty()) {
      throw problem(PROFILE_FILE, "gdelt selects no row: give actor_countries, geo_countries or url_terms");
    }
    return gdelt;
  }

  private Set<String> codes(String key, List<String> yaml, String pattern, String what) {
    Set<String> codes = new java.util.LinkedHashSet<>();
    for (String code : yaml == null ? List.<String>of() : yaml) {
      if (code == null || !code.matches(pattern)) {
        throw problem(PROFILE_FILE, key + ": '" + code + "' is not " + what + " (upper case)");
      }
      codes.add(code);
    }
    return codes;
  }

  private Map<String, List<String>> lexicons(Map<String, List<String>> yaml, List<String> eventTypes) {
    Map<String, List<String>> lexicons = new LinkedHashMap<>();
    if (yaml != null) {
      yaml.forEach((name, cues) -> {
        if (!Lexicons.known(name, eventTypes)) {
          throw problem(PROFILE_FILE, "unknown lexicon '" + name + "' (known: " + Lexicons.listing() + ")");
        }
        lexicons.put(name, phrases(PROFILE_FILE, "lexicon " + name, cues));
      });
    }
    return lexicons;
  }

  /** A list of lower-case phrases, each with at least one letter or digit, none twice. */
  List<String> phrases(String relative, String what, List<String> phrases) {
    List<String> list = nonEmpty(relative, what, phrases);
    Set<String> seen = new HashSet<>();
    for (String phrase : list) {
      if (phrase == null || SurfaceForms.key(phrase).isEmpty()) {
        throw problem(relative, what + ": a phrase has no letters or digits: " + phrase);
      }
      if (!phrase.equals(phrase.toLowerCase(Locale.ROOT))) {
        throw problem(relative, what + ": phrase is not lower case: " + phrase);
      }
      if (!seen.add(SurfaceForms.key(phrase))) {
        throw problem(relative, what + ": phrase listed twice: " + phrase);
      }
    }
    return list.stream().map(String::strip).toList();
  }

  /** Whether the profile has the optional file {@code relative}. */
  boolean has(String relative) {
    return files.read(relative).isPresent();
  }

  <T> T read(String relative, Class<T> type) {
    byte[] bytes =
        files.read(relative).orElseThrow(() -> problem(relative, "missing required file"));
    try {
      T value = YAML.readValue(bytes, type);
      if (value == null) {
        throw problem(relative, "empty file");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw problem(
          relative,
          "unknown key '" + e.getPropertyName() + "' at " + location(e) + "; known keys: "
              + e.getKnownPropertyIds(),
          e);
    } catch (JsonProcessingException e) {
      throw problem(relative, "malformed YAML at " + location(e) + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw problem(relative, "cannot read: " + e, e);
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? "unknown position"
        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  String required(String relative, String key, String value) {
    if (value == null || value.isBlank()) {
      throw problem(relative, "missing key '" + key + "'");
    }
    return value;
  }

  <T> List<T> nonEmpty(String relative, String key, List<T> value) {
    if (value == null || value.isEmpty()) {
      throw problem(relative, "missing or empty list '" + key + "'");
    }
    return value;
  }

  ProfileException problem(String relative, String detail) {
    return problem(relative, detail, null);
  }

  private ProfileException problem(String relative, String detail, Throwable cause) {
    return files
        .path(relative)
        .map(path -> new ProfileException(path, detail, cause))
        .orElseGet(() -> new ProfileException(files.describe(relative), detail, cause));
  }
}
