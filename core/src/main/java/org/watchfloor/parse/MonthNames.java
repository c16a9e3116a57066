package org.watchfloor.parse;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Month names and their usual abbreviations in English, French, Spanish and German, for the
 * written dates of article headers, page furniture and datelines: the one table that both
 * {@link DateTexts} and the HTML date reader use, so that a regular expression and the number it
 * maps to cannot disagree.
 */
public final class MonthNames {
  private static final Map<String, Integer> NUMBERS = table();

  /**
   * One capturing group matching any name of the table (longest first, so "juillet" is not read
   * as "juil"), an optional full stop after it; use with {@link Pattern#CASE_INSENSITIVE} and
   * {@link Pattern#UNICODE_CASE} so that "DÉCEMBRE" is read too.
   */
  public static final String PATTERN =
      NUMBERS.keySet().stream()
          .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
          .map(Pattern::quote)
          .collect(Collectors.joining("|", "(", ")\\.?"));

  private MonthNames() {}

  /**
   * The month number (1 to 12) of a name matched by {@link #PATTERN}, in any case, with or
   * without its full stop.
   *
   * @throws IllegalArgumentException when {@code name} is not in the table
   */
  public static int number(String name) {
    String key = name.strip().toLowerCase(Locale.ROOT);
    if (key.endsWith(".")) {
      key = key.substring(0, key.length() - 1);
    }
    Integer n = NUMBERS.get(key);
    if (n == null) {
      throw new IllegalArgumentException("not a month name: " + name);
    }
    return n;
  }

  private static Map<String, Integer> table() {
    String[][] byMonth = {
      {"january", "jan", "janvier", "janv", "enero", "ene", "januar", "jänner"},
      {"february", "feb", "février", "fevrier", "févr", "fevr", "febrero", "februar"},
      {"march", "mar", "mars", "marzo", "märz", "maerz", "mär"},
      {"april", "apr", "avril", "avr", "abril", "abr"},
      {"may", "mai", "mayo"},
      {"june", "jun", "juin", "junio", "juni"},
      {"july", "jul", "juillet", "juil", "julio", "juli"},
      {"august", "aug", "août", "aout", "agosto", "ago"},
      {"september", "sep", "sept", "septembre", "septiembre", "setiembre"},
      {"october", "oct", "octobre", "octubre", "oktober", "okt"},
      {"november", "nov", "novembre", "noviembre"},
      {"december", "dec", "décembre", "decembre", "déc", "diciembre", "dic", "dezember", "dez"},
    };
    Map<String, Integer> numbers = new LinkedHashMap<>();
    for (int i = 0; i < byMonth.length; i++) {
      for (String name : byMonth[i]) {
        if (numbers.put(name, i + 1) != null) {
          throw new IllegalStateException("month name listed twice: " + name);
        }
      }
    }
    return Map.copyOf(numbers);
  }
}
