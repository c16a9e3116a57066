package org.watchfloor.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetCsvTest {

  @Test
  void textThatASpreadsheetWouldReadAsAFormulaIsPrefixedWithAQuoteAndQuoted() throws IOException {
    String csv = write(List.of("=HYPERLINK(\"http://evil.example/\",\"Details\")", "+1+2", "-2+3", "@SUM(A1:A9)",
        "\tlaunch", "\rlaunch"));

    assertThat(csv).isEqualTo("a,b,c,d,e,f\r\n"
        + "\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"Details\"\")\",\"'+1+2\",\"'-2+3\",\"'@SUM(A1:A9)\","
        + "\"'\tlaunch\",\"'\rlaunch\"\r\n");
    assertThat(read(csv)).containsExactly("'=HYPERLINK(\"http://evil.example/\",\"Details\")", "'+1+2", "'-2+3",
        "'@SUM(A1:A9)", "'\tlaunch", "'\rlaunch");
  }

  @Test
  void numbersStayNumbersWhetherTheyAreNumbersOrText() throws IOException {
    String csv = write(List.of(-5, -33.5, "-5", "-127.25", "+7", true, "400"));

    assertThat(csv).isEqualTo("a,b,c,d,e,f,g\r\n-5,-33.5,-5,-127.25,+7,true,400\r\n");
  }

  @Test
  void ordinaryTextIsWrittenAsCommonsCsvWritesIt() throws IOException {
    String csv = write(List.of("Hwasong-18", "Sohae, North Pyongan", "said \"test\"", "2025-11-03", "x=1"));

    assertThat(csv).isEqualTo("a,b,c,d,e\r\nHwasong-18,\"Sohae, North Pyongan\",\"said \"\"test\"\"\",2025-11-03,x=1\r\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-", "--5", "-5e3", "-1,5", "+", "-0x10", "=5"})
  void textThatOnlyLooksNumericIsEscaped(String cell) {
    assertThat(SpreadsheetCsv.mayBeFormula(cell)).isTrue();
  }

  private static String write(List<Object> cells) throws IOException {
    StringWriter out = new StringWriter();
    String[] header = "abcdefghij".substring(0, cells.size()).split("");
    try (SpreadsheetCsv csv = new SpreadsheetCsv(out, header)) {
      csv.printRecord(cells.toArray());
    }
    return out.toString();
  }

  private static List<String> read(String csv) throws IOException {
    CSVRecord row = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv)).getRecords().get(0);
    return row.toList();
  }
}
