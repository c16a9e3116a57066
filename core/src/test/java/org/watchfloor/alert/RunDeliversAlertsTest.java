package org.watchfloor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.cli.Main;

/** {@code run} delivers the alerts its pass decides, and {@code alert list} shows how they went. */
class RunDeliversAlertsTest {

  @TempDir Path tmp;

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(exit).as(err.toString()).isZero();
    return new String[] {out.toString(), err.toString()};
  }

  @Test
  void aRunPassDecidesAndDeliversTheAlertsOfWhatItIngested() throws Exception {
    String store = tmp.resolve("s").toString();
    Path inbox = Files.createDirectories(tmp.resolve("inbox"));
    try (Receiver receiver = new Receiver()) {
      run("alert", "config", "alerts.allow-private-targets", "true", "--store", store);
      String added = run("alert", "add", "launches", "--type", "missile_launch", "--webhook", receiver.url(),
          "--store", store)[0];
      assertThat(added).contains("webhook " + receiver.url() + ", signed");
      Files.write(inbox.resolve("seoul.txt"), text(Articles.SEOUL));
      String out = run("run", "--once", "--no-sample", "--no-profile-feeds", "--inbox", inbox.toString(), "--store", store)[0];
      assertThat(out).contains("ingested 1 articles", "alerts: 1 delivered, 0 to be retried, 0 failed");
      assertThat(receiver.calls).hasSize(1);
      assertThat(receiver.calls.get(0).header(Webhook.IDEMPOTENCY_KEY)).startsWith("launches:e").endsWith(":new");

      String list = run("alert", "list", "--store", store)[0];
      assertThat(list).contains("launches: missile_launch; 1+ independent origin; news only; on new\n",
          "  1 alert decided; feed /alerts/launches.atom\n",
          "  webhook " + receiver.url() + ": 1 delivered, 0 pending, 0 failed\n");

      receiver.always(500);
      Files.write(inbox.resolve("next.txt"), text(Articles.NEXT));
      out = run("run", "--once", "--no-sample", "--no-profile-feeds", "--inbox", inbox.toString(), "--store", store)[0];
      assertThat(out).contains("alerts: 0 delivered, 1 to be retried, 0 failed");
      assertThat(run("alert", "list", "--store", store)[0])
          .contains("  webhook " + receiver.url() + ": 1 delivered, 1 pending, 0 failed; last failure: HTTP 500 (launches:e");
    }
  }

  private static byte[] text(org.watchfloor.ingest.RawDocument d) {
    String header = "url: " + d.metadata().get("url") + "\noutlet: " + d.metadata().get("outlet") + "\npublished: "
        + d.metadata().get("published") + "\ntitle: " + d.metadata().get("title") + "\n\n";
    return (header + new String(d.bytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
  }
}
