package org.watchfloor.serve;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;
import org.jspecify.annotations.Nullable;

/**
 * Writes CSV (RFC 4180) that is safe to open in a spreadsheet: a text cell that a spreadsheet
 * would read as a formula, one that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab
 * or a carriage return, is escaped as OWASP recommends against CSV injection: a single quote is
 * put before it and the cell is quoted, so that it shows as the text it is. The text of an
 * export comes from articles (a summary, an outlet's name), which anyone can write.
 *
 * <p>Numbers stay numbers: a cell that is a {@link Number} or a {@link Boolean}, and a text cell
 * that is a plain decimal number ({@code -5}, {@code -33.5}, {@code +7}), is written as it is; a
 * spreadsheet reads those as values, never as formulas, and a negative coordinate or a count
 * must not become text. Commons CSV quotes only where the format needs it and has no quoting per
 * cell, so each cell is printed by one of two of its formats, the second quoting always.
 */
final class SpreadsheetCsv implements Closeable, Flushable {

  private static final CSVFormat MINIMAL = CSVFormat.RFC4180;
  private static final CSVFormat QUOTED = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?+\\d++(?:\\.\\d++)?+");

  private final Writer out;

  /** A CSV on {@code out}, its first record the {@code header}. */
  SpreadsheetCsv(Writer out, String... header) throws IOException {
    this.out = out;
    printRecord((Object[]) header);
  }

  /** Prints one record, escaping the cells a spreadsheet would take for formulas. */
  void printRecord(@Nullable Object... cells) throws IOException {
    for (int i = 0; i < cells.length; i++) {
      Object cell = cells[i];
      if (mayBeFormula(cell)) {
        QUOTED.print("'" + cell, out, i == 0);
      } else {
        MINIMAL.print(cell, out, i == 0);
      }
    }
    MINIMAL.println(out);
  }

  /** Whether a spreadsheet could read {@code cell} as a formula: text, not a plain number, starting with = + - @ tab or CR. */
  static boolean mayBeFormula(@Nullable Object cell) {
    if (!(cell instanceof CharSequence text) || text.isEmpty()) {
      return false;
    }
    return switch (text.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> !PLAIN_NUMBER.matcher(text).matches();
      default -> false;
    };
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /** Flushes and closes the writer, as Commons CSV's printer does. */
  @Override
  public void close() throws IOException {
    out.close();
  }
}
