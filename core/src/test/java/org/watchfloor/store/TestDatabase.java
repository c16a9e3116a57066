package org.watchfloor.store;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test's own database on the PostgreSQL test server ({@link TestPostgres}), made when the test
 * first names it and dropped after the test; register it with {@code @RegisterExtension}.
 */
public final class TestDatabase implements AfterEachCallback {

  /** Where a test parameterized over both backends keeps its store. */
  public enum Backend { SQLITE, POSTGRESQL }

  private @Nullable String url;

  /** The database as {@code --store} names it, made on first use (a test without a server is skipped there). */
  public String url() {
    if (url == null) {
      url = TestPostgres.createDatabase();
    }
    return url;
  }

  /** The database as a process whose local cache (search index) is {@code cache} names it: another cache, another machine. */
  public StoreLocation location(Path cache) {
    return TestPostgres.location(url(), cache);
  }

  /**
   * The store of a test on {@code backend}: a directory {@code store} under {@code tmp}, or this
   * database with its local cache in {@code tmp}'s {@code cache}.
   */
  public StoreLocation location(Backend backend, Path tmp) {
    return backend == Backend.SQLITE ? StoreLocation.directory(tmp.resolve("store")) : location(tmp.resolve("cache"));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (url != null) {
      TestPostgres.drop(url);
      url = null;
    }
  }
}
