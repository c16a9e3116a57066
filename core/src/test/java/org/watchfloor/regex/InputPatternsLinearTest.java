package org.watchfloor.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.watchfloor.parse.ArticleParser;

/**
 * Every regular expression kept in a constant of the stages that read input (parse, ingest,
 * extract) runs in time linear in its input: fed long runs of whitespace, line breaks, letters,
 * digits and near-matches made of the pattern's own words, it reads each character a bounded
 * number of times, whether it is searched ({@code find}) or matched whole ({@code matches}). The
 * work is counted in characters read ({@link CountingText}), never timed.
 */
class InputPatternsLinearTest {

  private static final List<String> PACKAGES = List.of("org/watchfloor/parse", "org/watchfloor/ingest",
      "org/watchfloor/extract");

  /** Length of each crafted input. Quadratic work on it is billions of reads; linear is millions. */
  private static final int SIZE = 1 << 15;

  /** Reads allowed per character of input: generous for long alternations, far below quadratic. */
  private static final int READS_PER_CHAR = 400;

  private static final List<String> UNITS = List.of(" ", "\t", "\r", "\n", "\r\n", "\u000B", "\u00A0", "\u2028",
      "a", "A", "1", "a ", "A ", "1 ", "a\r", "a\t", ".", ". ", ".(", "(", "(1", ")", "-", "- ", "--", ":", ": ", "|",
      ",", ", ", "'", "\"", "<", "<a ", "/", "_", "#", "x:", "12:30 ", "2024 ", "2024-", "12 ", "Ab ", "A. ",
      "\u2014", "\u00E9");

  @Test
  void everyInputPatternReadsEachCharacterABoundedNumberOfTimes() throws Exception {
    Map<String, Pattern> patterns = inputPatterns(PACKAGES);
    assertThat(patterns).as("patterns found in %s", PACKAGES).hasSizeGreaterThan(30);
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, Pattern> e : patterns.entrySet()) {
      for (String input : inputsFor(e.getValue())) {
        String problem = work(e.getValue(), input);
        if (problem != null) {
          failures.add(e.getKey() + " /" + printable(e.getValue().pattern()) + "/ on " + describe(input) + ": " + problem);
          break;
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  /**
   * The parse stage's patterns again, on a megabyte of what made them slow: runs of line breaks
   * and tabs (the crafted title of issue 18 was 16,000 {@code \\r} then 16,000 {@code \\t}),
   * blanks, and their own words each followed by blanks.
   */
  @Test
  void parsePatternsStayLinearOnAMegabyteOfBlanksAndNearMatches() throws Exception {
    int size = 1 << 20;
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, Pattern> e : inputPatterns(List.of("org/watchfloor/parse")).entrySet()) {
      List<String> inputs = new ArrayList<>(List.of("\r".repeat(size / 2) + "\t".repeat(size / 2) + "x",
          " ".repeat(size) + "x", "\r\n".repeat(size / 2) + "x"));
      words(e.getValue()).stream().limit(6).forEach(word -> inputs.add(repeat(word + "\r\t ", size)));
      for (String input : inputs) {
        String problem = work(e.getValue(), input);
        if (problem != null) {
          failures.add(e.getKey() + " /" + printable(e.getValue().pattern()) + "/ on " + describe(input) + ": " + problem);
          break;
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  /** Null when both searching and matching {@code input} stay within the bound, else what went over. */
  static String work(Pattern pattern, String input) {
    long limit = (long) READS_PER_CHAR * input.length() + 10_000;
    CountingText text = new CountingText(input, limit);
    try {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        // every match, as a caller looping over them would
      }
      m.reset();
      m.matches();
    } catch (CountingText.TooMuchWork | StackOverflowError e) {
      return e.getClass().getSimpleName() + " after " + text.reads() + " reads";
    }
    return null;
  }

  static List<String> inputsFor(Pattern pattern) {
    Set<String> inputs = new LinkedHashSet<>();
    for (String unit : UNITS) {
      inputs.add(repeat(unit, SIZE));
    }
    int half = SIZE / 2;
    inputs.add("\r".repeat(half) + "\t".repeat(half) + "x");
    inputs.add("\n".repeat(half) + " ".repeat(half) + "x");
    inputs.add("a" + " ".repeat(SIZE) + "a");
    inputs.add("1" + " ".repeat(SIZE) + "1");
    for (String word : words(pattern)) {
      for (String unit : List.of(word, word + " ", word + "\r\t", word + ":", word + ". ", word + " 12 ", "1 " + word + " ")) {
        inputs.add(repeat(unit, SIZE));
      }
      inputs.add(word + " ".repeat(half) + "\r".repeat(half));
    }
    return List.copyOf(inputs);
  }

  /** The literal words of a pattern (escapes dropped): the stuff near-matches are made of. */
  static Set<String> words(Pattern pattern) {
    String source = pattern.pattern().replaceAll("\\\\[pP]\\{\\w+}|\\\\.", " ");
    Set<String> words = new LinkedHashSet<>();
    Matcher m = Pattern.compile("\\p{L}{2,}").matcher(source);
    while (m.find() && words.size() < 12) {
      words.add(m.group());
      words.add(m.group().toUpperCase(Locale.ROOT));
    }
    return words;
  }

  static String repeat(String unit, int length) {
    return unit.repeat(Math.max(1, length / unit.length()));
  }

  static String describe(String input) {
    return "\"" + printable(input.substring(0, Math.min(12, input.length()))) + "…\" (" + input.length() + " chars)";
  }

  static String printable(String s) {
    return s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
  }

  /** Every {@link Pattern} in a static field of a class in {@code packages}, or inside a static list of records. */
  static Map<String, Pattern> inputPatterns(List<String> packages)
      throws ClassNotFoundException, IllegalAccessException {
    Map<String, Pattern> found = new LinkedHashMap<>();
    for (String className : classNames(packages)) {
      Class<?> type = Class.forName(className, true, InputPatternsLinearTest.class.getClassLoader());
      for (Field f : type.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        f.setAccessible(true);
        collect(type.getSimpleName() + "." + f.getName(), f.get(null), found);
      }
    }
    return found;
  }

  private static void collect(String name, Object value, Map<String, Pattern> found) throws IllegalAccessException {
    if (value instanceof Pattern p) {
      found.put(name, p);
    } else if (value instanceof Collection<?> c) {
      int i = 0;
      for (Object o : c) {
        collect(name + "[" + i++ + "]", o, found);
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        collect(name + "[" + e.getKey() + "]", e.getValue(), found);
      }
    } else if (value != null && value.getClass().isRecord()) {
      for (RecordComponent rc : value.getClass().getRecordComponents()) {
        if (rc.getType() == Pattern.class) {
          try {
            rc.getAccessor().setAccessible(true);
            collect(name + "." + rc.getName(), rc.getAccessor().invoke(value), found);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
  }

  private static List<String> classNames(List<String> packages) {
    try {
      Path root = Path.of(ArticleParser.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      List<String> names = new ArrayList<>();
      for (String pkg : packages) {
        try (Stream<Path> files = Files.walk(root.resolve(pkg))) {
          files.filter(p -> p.toString().endsWith(".class"))
              .map(p -> root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
              .sorted()
              .forEach(names::add);
        }
      }
      return names;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
