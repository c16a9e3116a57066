package org.watchfloor.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import org.watchfloor.WatchfloorException;

/**
 * The sample corpus shipped inside Watchfloor: articles written for the project about real
 * events of 2022–2026, with a gold file of the events they describe. {@code run} ingests it
 * when no configured source can be read, so a fresh install has a record to look at.
 */
public final class SampleCorpus {

  public static final String RESOURCE = "sample-corpus";

  private SampleCorpus() {}

  /** The folder of sample articles, inside the jar or on the class path. */
  public static Path articles() {
    return root().resolve("articles");
  }

  /** The gold file of the events the sample articles describe. */
  public static Path gold() {
    return root().resolve("gold-events.csv");
  }

  private static Path root() {
    URL url = SampleCorpus.class.getClassLoader().getResource(RESOURCE + "/gold-events.csv");
    if (url == null) {
      throw new WatchfloorException("the sample corpus is missing from this build");
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return fs.getPath("/" + RESOURCE);
      }
      return Path.of(uri).getParent();
    } catch (URISyntaxException | IOException e) {
      throw new WatchfloorException("cannot open the sample corpus: " + e.getMessage(), e);
    }
  }
}
