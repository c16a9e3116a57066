package org.watchfloor.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WatchProfileTest {

  private static final List<String> SPEC_EVENT_TYPES =
      List.of(
          "missile_launch",
          "weapons_test_other",
          "facility_inspection",
          "production_directive",
          "policy_meeting",
          "military_exercise",
          "threat_statement",
          "arms_transfer",
          "sanctions",
          "other");

  private static final WatchProfile DPRK = WatchProfile.load("dprk");

  static Path bad(String name) {
    URL url = WatchProfileTest.class.getClassLoader().getResource("profiles-bad/" + name);
    assertThat(url).as("fixture %s", name).isNotNull();
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void dprkProfileLoadsWithAtLeast150Entities() {
    assertThat(DPRK.name()).isEqualTo("dprk");
    assertThat(DPRK.version()).isPositive();
    assertThat(DPRK.description()).isNotBlank();
    assertThat(DPRK.entities()).hasSizeGreaterThanOrEqualTo(150);
    for (EntityKind kind : EntityKind.values()) {
      assertThat(DPRK.entities(kind)).as("entities of kind %s", kind).isNotEmpty();
    }
    assertThat(DPRK.feeds()).isNotEmpty();
  }

  @Test
  void dprkProfileDefinesEveryEventTypeOfTheSpecWithTriggers() {
    assertThat(DPRK.eventTypeIds()).containsExactlyElementsOf(SPEC_EVENT_TYPES);
    for (String id : SPEC_EVENT_TYPES) {
      EventTypeDef type = DPRK.eventType(id).orElseThrow();
      assertThat(type.definition()).isNotBlank();
      assertThat(type.triggers()).as("triggers of %s", id).hasSizeGreaterThanOrEqualTo(10);
      assertThat(type.triggers()).allMatch(t -> t.equals(t.toLowerCase(Locale.ROOT)));
    }
    assertThat(DPRK.eventType("missile_launch").orElseThrow().triggers())
        .contains("test-fired", "launched", "fired", "ballistic missile launch");
    assertThat(DPRK.eventType("facility_inspection").orElseThrow().triggers())
        .contains("inspected", "toured", "visited");
    assertThat(DPRK.eventType("production_directive").orElseThrow().triggers())
        .contains("ordered", "production", "expand production");
    assertThat(DPRK.eventType("arms_transfer").orElseThrow().triggers())
        .contains("shipped", "transfer");
    assertThat(DPRK.eventType("no_such_type")).isEmpty();
  }

  /** The valid fixture profile copied into {@code dir}, to be spoilt by a test. */
  static void copyOfValid(Path dir) throws IOException {
    Path valid = bad("valid");
    try (Stream<Path> files = Files.walk(valid)) {
      for (Path f : files.toList()) {
        Path to = dir.resolve(valid.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
  }

  @Test
  void dprkProfileGivesTheRulesTheTypesTheAnnotatedCorpusIsTooThinOn() {
    assertThat(DPRK.eventTypes().stream().filter(EventTypeDef::ruleRead).map(EventTypeDef::id))
        .containsExactlyInAnyOrder("facility_inspection", "production_directive");
  }

  @Test
  void aReaderOtherThanModelOrRulesFailsToLoadNamingTheFileAndTheType(@TempDir Path tmp)
      throws IOException {
    copyOfValid(tmp);
    Path types = tmp.resolve("event-types.yaml");
    Files.writeString(types, Files.readString(types)
        .replace("{id: missile_launch,", "{id: missile_launch, reader: rule,"));
    assertThatThrownBy(() -> WatchProfile.load(tmp)).isInstanceOf(ProfileException.class)
        .hasMessageContaining("event-types.yaml").hasMessageContaining("reader of missile_launch: 'rule' is neither model nor rules");
    Files.writeString(types, Files.readString(types).replace("reader: rule,", "reader: rules,"));
    assertThat(WatchProfile.load(tmp).eventTypes().stream().filter(EventTypeDef::ruleRead).map(EventTypeDef::id))
        .containsExactly("missile_launch");
  }

  @Test
  void dprkProfileMarksInternalEventTypesAndStateMediaDefaultFirst() {
    assertThat(DPRK.eventTypes().stream().filter(EventTypeDef::internal).map(EventTypeDef::id))
        .containsExactlyInAnyOrder("facility_inspection", "production_directive", "policy_meeting");
    assertThat(DPRK.origins().stream().filter(OriginDef::stateMedia).map(OriginDef::id))
        .containsExactly("kcna", "rodong-sinmun", "kctv");
  }

  @Test
  void dprkProfileCarriesTheExtractorsLexicons() {
    for (String name :
        List.of(
            "hedges",
            "negations",
            "planned",
            "background",
            "attribution_verbs",
            "ai_disclaimer",
            "syndication",
            "opinion")) {
      assertThat(DPRK.lexicon(name)).as("lexicon %s", name).isNotEmpty();
    }
    assertThat(DPRK.lexicon("hedges")).contains("reportedly", "allegedly", "believed to");
    assertThat(DPRK.lexicon("syndication")).contains("originally published by", "via");
  }

  @Test
  void dprkEntitiesCarryTheirAttributes() {
    EntityDef hwasong18 = DPRK.entity("weapon/hwasong-18").orElseThrow();
    assertThat(hwasong18.kind()).isEqualTo(EntityKind.WEAPON);
    assertThat(hwasong18.canonical()).isEqualTo("Hwasong-18");
    assertThat(hwasong18.attribute("class")).isEqualTo("ICBM");
    assertThat(hwasong18.attribute("propellant")).isEqualTo("solid");
    assertThat(DPRK.entity("weapon/hwasong-11a").orElseThrow().aliases()).contains("KN-23");
    assertThat(DPRK.entity("organisation/kcna").orElseThrow().isOrigin()).isTrue();
    assertThat(DPRK.entity("organisation/wpk").orElseThrow().isOrigin()).isFalse();
    assertThat(DPRK.entity("person/kim-jong-un").orElseThrow().attribute("title"))
        .contains("General Secretary");
    assertThat(DPRK.entity("place/sea-of-japan").orElseThrow().aliases()).contains("East Sea");
    assertThat(DPRK.entity("facility/sohae").orElseThrow().aliases()).contains("Tongchang-ri");
    assertThat(DPRK.entity("weapon/no-such")).isEmpty();
  }

  @Test
  void entityIdsStartWithTheirKindAndAreUnique() {
    Set<String> ids = new HashSet<>();
    for (EntityDef entity : DPRK.entities()) {
      assertThat(entity.id()).startsWith(entity.kind().label() + "/");
      assertThat(ids.add(entity.id())).as("unique id %s", entity.id()).isTrue();
    }
  }

  @Test
  void dprkOriginsIncludeThePrimarySourcesOfTheSpec() {
    for (String id : List.of("kcna", "rodong-sinmun", "jcs", "japan-mod", "indopacom", "usfk")) {
      assertThat(DPRK.origin(id)).as("origin %s", id).isPresent();
    }
    assertThat(DPRK.origin("kcna").orElseThrow().cues())
        .contains("korean central news agency", "state media");
  }

  @Test
  void iranProfileLoadsWithTheSameEngine() {
    WatchProfile iran = WatchProfile.load("iran");
    assertThat(iran.name()).isEqualTo("iran");
    assertThat(iran.eventTypes()).hasSize(5);
    assertThat(iran.entities()).hasSizeGreaterThanOrEqualTo(25);
    assertThat(iran.entity("weapon/shahed-136")).isPresent();
    assertThat(iran.entity("weapon/hwasong-18")).isEmpty();
  }

  @Test
  void aValidProfileLoadsFromADirectory() {
    WatchProfile tiny = WatchProfile.load(bad("valid"));
    assertThat(tiny.name()).isEqualTo("tiny");
    assertThat(tiny.entities()).extracting(EntityDef::id)
        .containsExactly("weapon/hwasong-18", "weapon/hwasong-17");
    assertThat(tiny.origins()).extracting(OriginDef::id).containsExactly("kcna");
    assertThat(tiny.feeds()).isEmpty();
  }

  @Test
  void theGdeltRowsOfAWatchAreInItsProfileAndAProfileWithoutThemSelectsNone() {
    GdeltDef dprk = WatchProfile.load("dprk").gdelt();
    assertThat(dprk.actorCountries()).containsExactly("PRK");
    assertThat(dprk.geoCountries()).containsExactly("KN");
    assertThat(dprk.urlTerms()).contains("north-korea", "pyongyang", "kcna");
    assertThat(WatchProfile.load(bad("valid")).gdelt()).isEqualTo(GdeltDef.NONE);
  }

  @Test
  void aFeedMayHaveAnIntervalOfItsOwn() {
    WatchProfile p = WatchProfile.load(bad("feed-intervals"));
    assertThat(p.feeds()).extracting(FeedDef::url, FeedDef::interval).containsExactly(
        org.assertj.core.api.Assertions.tuple("https://wire.example/feed.xml", java.time.Duration.ofSeconds(60)),
        org.assertj.core.api.Assertions.tuple("https://weekly.example/feed.xml", null));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown-key-in-gazetteer        | gazetteer/weapons.yaml | unknown key 'colour'
          unknown-key-in-profile          | profile.yaml           | unknown key 'maintainer'
          duplicate-entity-id             | gazetteer/weapons.yaml | duplicate entity id 'weapon/hwasong-18'
          duplicate-alias-same-kind       | gazetteer/weapons.yaml | alias 'KN 27' names both 'weapon/hwasong-18' and 'weapon/hwasong-17'
          unknown-kind                    | gazetteer/weapons.yaml | unknown entity kind 'spaceship'
          empty-canonical                 | gazetteer/weapons.yaml | empty canonical name for 'weapon/hwasong-17'
          event-type-not-declared         | event-types.yaml       | event type 'coup' is not in the closed list
          event-type-declared-not-defined | event-types.yaml       | event type 'sanctions' is declared but not defined
          missing-origins                 | origins.yaml           | missing required file
          missing-gazetteer-file          | gazetteer/people.yaml  | missing required file
          trigger-not-lower-case          | event-types.yaml       | phrase is not lower case: Launched
          id-kind-mismatch                | gazetteer/weapons.yaml | does not start with 'weapon/'
          malformed-yaml                  | gazetteer/weapons.yaml | malformed YAML at line
          misspelt-lexicon                | profile.yaml           | unknown lexicon 'hegdes'
          feed-interval-zero              | profile.yaml           | feed Example wire has interval_seconds 0
          gdelt-bad-code                  | profile.yaml           | gdelt actor_countries: 'Kor' is not a three-letter CAMEO country code
          gdelt-selects-nothing           | profile.yaml           | gdelt selects no row
          """)
  void badProfileIsRejectedNamingTheFile(String fixture, String file, String problem) {
    Path dir = bad(fixture);
    Path expected = dir.resolve(file);
    assertThatThrownBy(() -> WatchProfile.load(dir))
        .isInstanceOfSatisfying(
            ProfileException.class,
            e -> {
              assertThat(e.source()).isEqualTo(expected.toString());
              assertThat(e.path()).contains(expected);
              assertThat(e.detail()).contains(problem);
              assertThat(e.getMessage()).contains(problem).contains("(source=" + expected + ")");
            });
  }

  @Test
  void aLexiconIsAskedForByAKnownNameOnly() {
    assertThat(DPRK.lexicon("hedges")).contains("reportedly");
    assertThat(DPRK.lexicon("missile_launch_findings")).as("one of an event type").isNotEmpty();
    assertThat(WatchProfile.load("iran").lexicon("statements")).as("known, not in this profile").isEmpty();
    assertThatThrownBy(() -> DPRK.lexicon("hegdes"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'hegdes'").hasMessageContaining("hedges");
    assertThatThrownBy(() -> DPRK.lexicon("coup_objects")).as("no event type coup")
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theOutcomeOfALaunchIsToldByLexiconsOfItsType() {
    assertThat(DPRK.lexicon("missile_launch_failures")).contains("exploded");
    assertThat(DPRK.lexicon("missile_launch_successes")).contains("successfully");
    assertThatThrownBy(() -> DPRK.lexicon("missile_launch_failure")).as("misspelt: the schema knows 'failures'")
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unknownBuiltInProfileIsRejected() {
    assertThatThrownBy(() -> WatchProfile.load("atlantis"))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("missing required file")
        .hasMessageContaining("classpath:profiles/atlantis/profile.yaml");
    assertThatThrownBy(() -> WatchProfile.load("../dprk"))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("not a profile name");
  }

  @Test
  void profileValuesAreImmutable() {
    assertThatThrownBy(() -> DPRK.entities().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> DPRK.lexicon("hedges").add("maybe"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void surfaceFormKeysIgnoreCaseDiacriticsAndSeparatorsUnderAnyLocale() {
    assertThat(SurfaceForms.key("Hwasong-18")).isEqualTo("hwasong18");
    assertThat(SurfaceForms.key("Hwasŏng 18")).isEqualTo("hwasong18");
    assertThat(SurfaceForms.key("KN 23")).isEqualTo(SurfaceForms.key("kn-23"));
    // Under the Turkish locale, String.toLowerCase() would turn I into a dotless ı.
    assertThat(SurfaceForms.key("ICBM")).isEqualTo("icbm");
    assertThat(SurfaceForms.key("İ")).isEqualTo("i");
    assertThat(Arrays.asList(Locale.getDefault().getLanguage())).isNotNull();
  }
}
