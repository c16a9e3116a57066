package org.watchfloor.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.serve.StoreWriter;
import org.watchfloor.serve.auth.Accounts;
import org.watchfloor.store.Store;

/**
 * The two ways the workbench gets the store's writer. {@code serve} alone: the workbench reads
 * a read-only store and opens the writer for each edit, which succeeds when nobody holds it and
 * is a 503 with a reason, writing nothing, while another writer (an ingest) holds it.
 * {@code run --serve}: edits share the process's store, and wait for the pipeline's lock.
 */
class WriterPathsTest {

  @TempDir Path tmp;
  Path dir;
  String token;
  String eventId;
  Store readOnly;
  Workbench workbench;

  @BeforeEach
  void ingest() throws Exception {
    try (Store store = SampleStore.create(tmp); Accounts accounts = Accounts.beside(store)) {
      dir = store.dir();
      accounts.add("ana", "correct horse battery".toCharArray());
      token = accounts.issueToken("ana");
      eventId = store.events().list(null, 1).get(0).id();
    }
  }

  @AfterEach
  void stop() {
    if (workbench != null) {
      workbench.stop();
    }
    if (readOnly != null) {
      readOnly.close();
    }
  }

  private HttpResponse<String> confirm(Http http, String kind) throws Exception {
    return http.send("/api/v1/events/" + eventId + "/" + kind, b -> b.header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.noBody()));
  }

  @Test
  void serveAloneOpensTheWriterPerEditAndIsRefusedWhileAnIngestHoldsIt() throws Exception {
    readOnly = Store.openReadOnly(dir);
    workbench = Workbench.over(readOnly, WatchProfile.load("dprk"), 2, StoreWriter.opening(dir)).start("127.0.0.1", 0);
    Http http = new Http(workbench.port());

    assertThat(confirm(http, "confirm").statusCode()).isEqualTo(200);
    assertThat(Http.json(http.get("/api/v1/events/" + eventId)).get("status").asText()).isEqualTo("confirmed");

    try (Store ingest = Store.open(dir)) {
      HttpResponse<String> busy = confirm(http, "reject");
      assertThat(busy.statusCode()).isEqualTo(503);
      assertThat(Http.json(busy).at("/error/message").asText()).contains("nothing was written").contains("ingest");
      assertThat(ingest.count("edits")).isEqualTo(1);
    }
    assertThat(Http.json(http.get("/api/v1/events/" + eventId)).get("status").asText()).isEqualTo("confirmed");
    // once the ingest is done, the edit goes through
    assertThat(confirm(http, "reject").statusCode()).isEqualTo(200);
    assertThat(Http.json(http.get("/api/v1/events/" + eventId)).get("status").asText()).isEqualTo("rejected");
  }

  @Test
  void runServeSharesItsStoreAndWaitsForThePipelinesLock() throws Exception {
    try (Store store = Store.open(dir)) {
      ReentrantLock pipeline = new ReentrantLock();
      StoreWriter writer = StoreWriter.sharing(store, pipeline).waiting(Duration.ofMillis(200));
      workbench = Workbench.over(store, WatchProfile.load("dprk"), 2, writer).start("127.0.0.1", 0);
      Http http = new Http(workbench.port());

      pipeline.lock();
      try {
        HttpResponse<String> busy = confirm(http, "confirm");
        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(Http.json(busy).at("/error/message").asText()).contains("busy ingesting");
      } finally {
        pipeline.unlock();
      }
      assertThat(store.count("edits")).isZero();
      assertThat(confirm(http, "confirm").statusCode()).isEqualTo(200);
      assertThat(store.count("edits")).isEqualTo(1);
      workbench.stop();
      workbench = null;
    }
  }
}
