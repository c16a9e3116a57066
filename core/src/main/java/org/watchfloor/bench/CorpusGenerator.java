package org.watchfloor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.SplittableRandom;

/**
 * Writes a synthetic corpus of news about many distinct happenings over years, as JSON Lines
 * ({@code articles.jsonl}: url, outlet, published, title, text) with its ground truth: {@code
 * gold-events.csv} (the gold format of {@code eval clusters}) and {@code gold-conflicts.csv}
 * (the fields on which independent origins were made to disagree) and {@code gold-rewrites.csv}
 * (the articles that retell an earlier article of their happening in other words: a second,
 * identical rewrite is a copy of the first, not listed).
 *
 * <p>Each happening is first reported by one primary source (South Korea's JCS, Japan's defence
 * ministry or KCNA); others follow: independent reports from other origins (a launch's range
 * differs between Seoul and Tokyo in a share of launches), verbatim syndicated copies, light
 * edits (a dateline and a closing sentence added), and rewrites in other words of the same
 * origin. Seeded: the same seed and size give the same corpus.
 */
public final class CorpusGenerator {

  private static final String[] WEAPONS = {"Hwasong-15", "Hwasong-17", "Hwasong-18", "KN-23", "KN-25",
      "Hwasong-12", "Pukguksong-3", "Hwasong-11B"};
  private static final String[] PLACES = {"Sunan", "Sinpo", "Tongchang-ri", "Wonsan", "Hamhung", "Jongju"};
  private static final String[] PAPERS = {"Harbour Gazette", "Plains Courier", "Northern Echo Daily",
      "Coastal Record", "Valley Sentinel", "Metro Ledger", "Island Times", "Capital Dispatch"};
  private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ROOT);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The gold rewrites: one URL a line under a {@code url} header. */
  public static final String REWRITES_FILE = "gold-rewrites.csv";

  /** What one generation wrote. */
  public record Summary(int articles, int events, int conflicts) {}

  private final SplittableRandom random;
  private final long seed;

  public CorpusGenerator(long seed) {
    this.random = new SplittableRandom(seed);
    this.seed = seed;
  }

  private record Happening(String key, String type, LocalDate date, String weapon, String place, int range,
      int apogee, int tokyoRange) {}

  /** Written last by {@link #generate}: the size, seed and summary of the corpus in the folder. */
  static final String CORPUS_FILE = "corpus.properties";

  /**
   * The summary of the corpus already in {@code out} when it was generated whole with this size
   * and seed (so a long measurement can resume on it); empty otherwise.
   */
  public static Optional<Summary> existing(Path out, int articles, long seed) throws IOException {
    Path file = out.resolve(CORPUS_FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    if (!String.valueOf(articles).equals(p.getProperty("requested"))
        || !String.valueOf(seed).equals(p.getProperty("seed"))) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Summary(Integer.parseInt(p.getProperty("articles")),
          Integer.parseInt(p.getProperty("events")), Integer.parseInt(p.getProperty("conflicts"))));
    } catch (NumberFormatException e) {
      return Optional.empty(); // a damaged record: generate again
    }
  }

  public Summary generate(int articles, Path out) throws IOException {
    Files.deleteIfExists(out.resolve(CORPUS_FILE));
    Summary s = write(articles, out);
    Properties p = new Properties();
    p.setProperty("requested", String.valueOf(articles));
    p.setProperty("seed", String.valueOf(seed));
    p.setProperty("articles", String.valueOf(s.articles()));
    p.setProperty("events", String.valueOf(s.events()));
    p.setProperty("conflicts", String.valueOf(s.conflicts()));
    try (var w = Files.newBufferedWriter(out.resolve(CORPUS_FILE), StandardCharsets.UTF_8)) {
      p.store(w, "written by watchfloor bench --generate");
    }
    return s;
  }

  private Summary write(int articles, Path out) throws IOException {
    Files.createDirectories(out);
    int written = 0;
    int events = 0;
    int conflicts = 0;
    LocalDate day = LocalDate.of(2012, 1, 1);
    try (BufferedWriter jsonl = Files.newBufferedWriter(out.resolve("articles.jsonl"), StandardCharsets.UTF_8);
        BufferedWriter gold = Files.newBufferedWriter(out.resolve("gold-events.csv"), StandardCharsets.UTF_8);
        BufferedWriter conf = Files.newBufferedWriter(out.resolve("gold-conflicts.csv"), StandardCharsets.UTF_8);
        BufferedWriter rewrites = Files.newBufferedWriter(out.resolve(REWRITES_FILE), StandardCharsets.UTF_8)) {
      gold.write("event_key,event_date,event_type,article_urls\n");
      conf.write("event_key,field,values\n");
      rewrites.write("url\n");
      while (written < articles) {
        day = day.plusDays(1 + random.nextInt(3));
        Happening h = happening(events++, day);
        List<String> urls = new ArrayList<>();
        int wanted = Math.min(articles - written, 1 + geometric(0.35, 8));
        List<String[]> texts = reports(h, wanted);
        String rewritten = rewrite(h, h.date().format(LONG));
        boolean rewriteSeen = false;
        for (int i = 0; i < texts.size(); i++) {
          String url = "https://" + slug(texts.get(i)[0]) + ".example/" + h.key() + "/" + i;
          if (i > 0 && !rewriteSeen && texts.get(i)[2].equals(rewritten)) {
            rewriteSeen = true;
            rewrites.write(url + "\n");
          }
          ObjectNode o = JSON.createObjectNode();
          o.put("url", url);
          o.put("outlet", texts.get(i)[0]);
          o.put("published", h.date().plusDays(i == 0 ? 0 : random.nextInt(2)).toString());
          o.put("title", texts.get(i)[1]);
          o.put("text", texts.get(i)[2]);
          jsonl.write(JSON.writeValueAsString(o));
          jsonl.write('\n');
          urls.add(url);
        }
        written += texts.size();
        gold.write(h.key() + "," + h.date() + "," + h.type() + "," + String.join(" ", urls) + "\n");
        boolean tokyoReported = texts.stream().anyMatch(t -> t[2].contains("Japan's defence ministry said"));
        boolean seoulReported = texts.stream().anyMatch(t -> t[2].contains("Joint Chiefs of Staff said"));
        if (h.tokyoRange() != h.range() && tokyoReported && seoulReported) {
          conf.write(h.key() + ",range_km," + h.range() + " " + h.tokyoRange() + "\n");
          conflicts++;
        }
      }
    }
    return new Summary(written, events, conflicts);
  }

  private Happening happening(int n, LocalDate date) {
    int roll = random.nextInt(10);
    String type = roll < 6 ? "missile_launch" : roll < 8 ? "facility_inspection" : "production_directive";
    String weapon = WEAPONS[random.nextInt(WEAPONS.length)];
    int range = 200 + 50 * random.nextInt(20);
    int apogee = 50 + 10 * random.nextInt(60);
    int tokyo = random.nextInt(10) < 3 ? range + 50 + 10 * random.nextInt(10) : range;
    return new Happening(String.format(Locale.ROOT, "ev%06d", n), type, date, weapon,
        PLACES[random.nextInt(PLACES.length)], range, apogee, tokyo);
  }

  /** The articles about one happening: outlet, title, text. */
  private List<String[]> reports(Happening h, int count) {
    List<String[]> out = new ArrayList<>();
    String when = h.date().format(LONG);
    String first = primary(h, when, h.type().equals("missile_launch") ? "jcs" : "kcna");
    out.add(new String[] {h.type().equals("missile_launch") ? "Seoul Wire" : "KCNA", title(h), first});
    while (out.size() < count) {
      String paper = PAPERS[random.nextInt(PAPERS.length)];
      int kind = random.nextInt(4);
      String text = switch (kind) {
        case 0 -> first;
        case 1 -> "SEOUL - " + first + " Analysts expect further tests in the coming weeks.";
        case 2 -> h.type().equals("missile_launch") ? primary(h, when, "japan") : rewrite(h, when);
        default -> rewrite(h, when);
      };
      out.add(new String[] {paper, title(h), text});
    }
    return out;
  }

  private static String title(Happening h) {
    return switch (h.type()) {
      case "missile_launch" -> "North Korea fires " + h.weapon() + " missile";
      case "facility_inspection" -> "Kim Jong Un visits munitions plant in " + h.place();
      default -> "Kim orders more " + h.weapon() + " missiles";
    };
  }

  private static String primary(Happening h, String when, String source) {
    return switch (h.type()) {
      case "missile_launch" -> source.equals("japan")
          ? "Japan's defence ministry said a North Korean " + h.weapon() + " ballistic missile launched on " + when
              + " flew about " + h.tokyoRange() + " km and reached an altitude of " + h.apogee() + " km before"
              + " falling into the sea outside Japan's exclusive economic zone. Tokyo lodged a protest through"
              + " diplomatic channels and said no ships or aircraft were damaged by the launch."
          : "North Korea fired a " + h.weapon() + " ballistic missile from near " + h.place() + " on " + when
              + ", South Korea's Joint Chiefs of Staff said. The missile flew about " + h.range() + " km at an"
              + " altitude of " + h.apogee() + " km before falling into the sea off the east coast, the JCS said,"
              + " adding that it was sharing information with the United States and Japan.";
      case "facility_inspection" -> "Kim Jong Un inspected a munitions factory in " + h.place() + " on " + when
          + ", KCNA said. During the visit the leader looked round the production lines for " + h.weapon()
          + " missiles, praised the workers for overfulfilling their quota and set new tasks for the"
          + " modernisation of the plant, the state news agency reported.";
      default -> "Kim Jong Un ordered the munitions industry to expand the production of " + h.weapon()
          + " missiles at a meeting held on " + when + ", KCNA said. The leader called the mass production of"
          + " the missiles an urgent task for strengthening the war deterrent and told officials to build new"
          + " production lines, the state news agency reported.";
    };
  }

  /** The same story told in other words, with the same attribution. */
  private static String rewrite(Happening h, String when) {
    return switch (h.type()) {
      case "missile_launch" -> "Seoul's military reported that the North launched a " + h.weapon() + " on " + when
          + ", according to the Joint Chiefs of Staff. The projectile travelled roughly " + h.range() + " km."
          + " Officials in the South condemned what they called a grave provocation and urged Pyongyang to"
          + " return to talks, while the country's security council met in an emergency session.";
      case "facility_inspection" -> "According to state media, North Korea's leader Kim Jong Un toured an arms"
          + " plant in " + h.place() + " on " + when + " where " + h.weapon() + " missiles are made. He told the"
          + " managers that output had to rise and that the factory's machinery had to be renewed, the"
          + " report said, in a visit that observers saw as a message to Washington.";
      default -> "On " + when + " Kim Jong Un told North Korea's arms factories to turn out far more "
          + h.weapon() + " missiles, state media reported. In remarks carried by the agency he described"
          + " serial production as a pressing need of the armed forces, and officials were told to open new"
          + " lines without delay.";
    };
  }

  private int geometric(double p, int max) {
    int k = 0;
    while (k < max && random.nextDouble() > p) {
      k++;
    }
    return k;
  }

  private static String slug(String outlet) {
    return outlet.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
