package org.watchfloor.flink;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.IteratorResultIterator;
import org.apache.flink.core.fs.Path;
import org.jspecify.annotations.Nullable;
import org.watchfloor.ingest.DocumentSink;
import org.watchfloor.ingest.GdeltFilter;
import org.watchfloor.ingest.GdeltSource;
import org.watchfloor.ingest.Problem;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.profile.WatchProfile;

/**
 * GDELT 2.0 exports (events or mentions, {@code .CSV} or {@code .zip}) as a format of Flink's file
 * source: each file (a split) is read by the core's {@link GdeltSource} with the watch profile's
 * filter, as {@code ingest --gdelt} reads it, and becomes the {@link Staged.Found} URLs of its
 * watched rows, without repeats, and a {@link Staged.Failed} for each malformed row.
 *
 * <p>A bulk format, not a stream format, because Flink's stream formats cannot open a zip (GDELT
 * serves every export zipped). An export is small (a 15-minute events file is a few thousand
 * rows), so its URLs are read whole when the file is opened; a restored reader reads the file
 * again and drops the URLs it handed on before. A mentions file is read on its own, so its rows are
 * kept by their URLs only, not by the events another file kept (as {@code ingest} does when it is
 * given both).
 */
final class GdeltFormat extends WholeFileFormat {

  private static final long serialVersionUID = 1L;

  /** The watch profile whose {@code gdelt} section decides which rows to keep. */
  private final String profile;

  GdeltFormat(String profile) {
    this.profile = profile;
  }

  @Override
  Reader<Staged> open(FileSourceSplit split, @Nullable CheckpointedPosition at) throws IOException {
    return read(split, at == null ? 0 : at.getRecordsAfterOffset());
  }

  private Reader<Staged> read(FileSourceSplit split, long handedOn) throws IOException {
    Path path = split.path();
    String name = path.toString();
    List<Staged> found = new ArrayList<>();
    GdeltSource source = new GdeltSource(GdeltFilter.of(WatchProfile.named(profile).gdelt()));
    try (InputStream in = path.getFileSystem().open(path)) {
      DocumentSink problems = new DocumentSink() {
        @Override
        public void accept(RawDocument document) {
          throw new IllegalStateException("a GDELT file holds no documents");
        }

        @Override
        public void problem(Problem problem) {
          found.add(new Staged.Failed(problem));
        }
      };
      for (String url : source.urls(in, name, problems)) {
        found.add(new Staged.Found(url, name));
      }
    }
    return new Reader<>() {
      private boolean done;

      @Override
      public @Nullable RecordIterator<Staged> readBatch() {
        if (done) {
          return null;
        }
        done = true;
        List<Staged> rest = found.subList((int) Math.min(handedOn, found.size()), found.size());
        // each URL's position is how many of the file's were handed on with it
        return new IteratorResultIterator<>(rest.iterator(), CheckpointedPosition.NO_OFFSET, handedOn);
      }

      @Override
      public void close() {}
    };
  }
}
