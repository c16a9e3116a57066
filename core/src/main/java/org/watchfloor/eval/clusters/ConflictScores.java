package org.watchfloor.eval.clusters;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.watchfloor.model.Conflict;
import org.watchfloor.model.Event;

/**
 * Conflict detection scored against a gold list of (event, field) pairs on which independent
 * origins disagree ({@code gold-conflicts.csv}: {@code event_key,field,values}).
 *
 * <p>Each gold event is represented by the system event that holds most of its articles. A
 * system conflict is right when one of the gold events it represents has a gold conflict on that
 * field; a gold conflict is found when its event's system event flags that field. Conflicts on
 * system events that represent no gold event count as false alarms.
 *
 * @param gold gold conflicts
 * @param system conflicts flagged on the system's events
 * @param correct system conflicts that match a gold conflict
 * @param found gold conflicts matched by a system conflict
 */
public record ConflictScores(int gold, int system, int correct, int found) {

  public double precision() {
    return system == 0 ? 0 : (double) correct / system;
  }

  public double recall() {
    return gold == 0 ? 0 : (double) found / gold;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** A gold conflict: the gold event's key and the field. */
  record Key(String event, String field) {}

  /** Reads {@code event_key,field[,values]} rows. */
  static Set<Key> read(Path csv) throws IOException {
    Set<Key> out = new HashSet<>();
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        if (!r.isMapped("event_key") || !r.isMapped("field")) {
          throw new IOException("(source=" + csv + ") gold conflicts file needs columns event_key and field");
        }
        out.add(new Key(r.get("event_key"), r.get("field")));
      }
    }
    return out;
  }

  /**
   * @param gold the gold conflicts
   * @param representative for each gold event key, the system event holding most of its articles
   * @param events every system event
   */
  static ConflictScores score(Set<Key> gold, Map<String, String> representative, List<Event> events) {
    Map<String, Set<String>> goldKeysOfEvent = new HashMap<>();
    representative.forEach((key, event) -> goldKeysOfEvent.computeIfAbsent(event, k -> new HashSet<>()).add(key));
    Map<String, Set<String>> flagged = new HashMap<>();
    int system = 0;
    int correct = 0;
    for (Event e : events) {
      for (Conflict c : e.conflicts()) {
        system++;
        flagged.computeIfAbsent(e.id(), k -> new HashSet<>()).add(c.field());
        boolean right = goldKeysOfEvent.getOrDefault(e.id(), Set.of()).stream()
            .anyMatch(key -> gold.contains(new Key(key, c.field())));
        if (right) {
          correct++;
        }
      }
    }
    int found = 0;
    for (Key k : gold) {
      String event = representative.get(k.event());
      if (event != null && flagged.getOrDefault(event, Set.of()).contains(k.field())) {
        found++;
      }
    }
    return new ConflictScores(gold.size(), system, correct, found);
  }
}
