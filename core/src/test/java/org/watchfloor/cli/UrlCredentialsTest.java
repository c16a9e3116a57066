package org.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.ingest.Urls;

/** Credentials in an ingested URL are neither stored nor exported: the URL is kept without them. */
class UrlCredentialsTest {

  @TempDir Path tmp;

  @Test
  void anArticleUrlWithAUserAndPasswordIsStoredAndExportedWithoutThem() throws Exception {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    Files.writeString(in.resolve("paywalled.txt"), """
        url: https://reader:Tr0ub4dor@news.example/2024/05/launch
        outlet: Example News
        published: 2024-05-27T22:40:00+09:00
        title: Satellite launch fails

        North Korea's attempt to put a reconnaissance satellite into orbit failed on Monday night when the rocket exploded in flight, state media said.
        """, StandardCharsets.UTF_8);
    Files.writeString(in.resolve("crawl.jsonl"), "{\"url\": \"https://crawler:hunter2@wire.example/a/9\","
        + " \"title\": \"Cruise missiles fired\", \"published\": \"2024-04-22T09:00:00+09:00\", \"text\": \"North Korea fired"
        + " several cruise missiles over the Yellow Sea on Monday, the South's military said.\"}\n", StandardCharsets.UTF_8);
    String store = tmp.resolve("s").toString();

    CliRunner.Result ingest = CliRunner.run("ingest", "--store", store, in.toString());
    assertThat(ingest.exit()).as(ingest.err()).isZero();

    CliRunner.Result articles = CliRunner.run("articles", "--store", store, "--format", "jsonl");
    assertThat(articles.out()).contains("https://news.example/2024/05/launch").contains("https://wire.example/a/9")
        .doesNotContain("Tr0ub4dor").doesNotContain("hunter2").doesNotContain("reader:").doesNotContain("crawler:");
    CliRunner.Result export = CliRunner.run("export", "--store", store, "--format", "jsonl");
    assertThat(export.exit()).as(export.err()).isZero();
    assertThat(export.out()).contains("https://news.example/2024/05/launch")
        .doesNotContain("Tr0ub4dor").doesNotContain("hunter2");

    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("s/watchfloor.db"));
        Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT url, source, CAST(raw AS TEXT), raw_metadata, extra FROM articles")) {
      int rows = 0;
      while (rs.next()) {
        rows++;
        for (int i = 1; i <= 5; i++) {
          assertThat(rs.getString(i)).as("column " + i).doesNotContain("Tr0ub4dor").doesNotContain("hunter2");
        }
      }
      assertThat(rows).isEqualTo(2);
    }
  }

  @Test
  void onlyTheUserInformationOfAUrlIsTakenOut() {
    assertThat(Urls.withoutUserInfo("https://a:b@host.example/x?q=1#f")).isEqualTo("https://host.example/x?q=1#f");
    assertThat(Urls.withoutUserInfo("https://a:p@ss@host.example/")).isEqualTo("https://host.example/");
    assertThat(Urls.withoutUserInfo("https://user@host.example:8443/")).isEqualTo("https://host.example:8443/");
    assertThat(Urls.withoutUserInfo("see http://x:y@h.example/a and ftp://u@f.example"))
        .isEqualTo("see http://h.example/a and ftp://f.example");
    assertThat(Urls.withoutUserInfo("https://host.example/path/@handle?mail=a@b.example"))
        .isEqualTo("https://host.example/path/@handle?mail=a@b.example");
    assertThat(Urls.withoutUserInfo("mailto:desk@news.example")).isEqualTo("mailto:desk@news.example");
    assertThat(Urls.withoutUserInfo("writes to desk@news.example")).isEqualTo("writes to desk@news.example");
  }
}
