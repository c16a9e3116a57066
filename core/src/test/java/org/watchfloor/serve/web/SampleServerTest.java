package org.watchfloor.serve.web;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.store.Store;

/**
 * The fixture the web tests share: the sample store, ingested once per class, and a real
 * workbench server started on a free port for each test.
 */
abstract class SampleServerTest {

  @TempDir static Path tmp;
  static Store store;
  Workbench workbench;
  Http http;

  @BeforeAll
  static void ingest() throws Exception {
    store = SampleStore.create(tmp);
  }

  @AfterAll
  static void closeStore() {
    store.close();
  }

  /** The workbench a test runs against, not yet started. */
  Workbench workbench() {
    return Workbench.over(store);
  }

  @BeforeEach
  void start() {
    workbench = workbench().start("127.0.0.1", 0);
    http = new Http(workbench.port());
  }

  @AfterEach
  void stop() {
    workbench.stop();
  }
}
