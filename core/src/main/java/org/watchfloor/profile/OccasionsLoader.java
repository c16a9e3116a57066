package org.watchfloor.profile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.watchfloor.profile.ProfileFileFormat.OccasionYaml;
import org.watchfloor.profile.ProfileFileFormat.OccasionsYaml;

/**
 * Reads a profile's optional {@code occasions.yaml} and checks it: labels unique, phrases lower
 * case and not repeated, and every event type named one the profile declares.
 */
final class OccasionsLoader {

  private final ProfileLoader loader;

  OccasionsLoader(ProfileLoader loader) {
    this.loader = loader;
  }

  OccasionVocabulary load(String file, List<String> declaredTypes) {
    if (!loader.has(file)) {
      return OccasionVocabulary.NONE;
    }
    OccasionsYaml yaml = loader.read(file, OccasionsYaml.class);
    Set<String> labels = new HashSet<>();
    List<OccasionDef> occasions = new ArrayList<>();
    for (OccasionYaml o : loader.nonEmpty(file, "occasions", yaml.occasions())) {
      String label = loader.required(file, "label", o.label()).strip();
      if (!labels.add(label)) {
        throw loader.problem(file, "occasion '" + label + "' defined twice");
      }
      List<String> objects = o.objects() == null ? List.of() : loader.phrases(file, "objects of " + label, o.objects());
      occasions.add(new OccasionDef(label, loader.phrases(file, "cues of " + label, o.cues()), objects));
    }
    Map<String, List<String>> types = new LinkedHashMap<>();
    loader.nonEmpty(file, "event_types", yaml.eventTypes() == null ? null : List.copyOf(yaml.eventTypes().keySet()));
    yaml.eventTypes().forEach((type, words) -> {
      if (!declaredTypes.contains(type)) {
        throw loader.problem(file, "event type '" + type + "' is not declared in " + ProfileLoader.PROFILE_FILE);
      }
      types.put(type, loader.phrases(file, "back-references of " + type, words));
    });
    List<String> elsewhere = yaml.elsewhere() == null ? List.of() : loader.phrases(file, "elsewhere", yaml.elsewhere());
    return new OccasionVocabulary(occasions, types, elsewhere);
  }
}
