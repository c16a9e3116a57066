package org.watchfloor.flink;

import java.io.IOException;
import java.util.List;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.enumerate.DefaultFileFilter;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.SingletonResultIterator;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.jspecify.annotations.Nullable;
import org.watchfloor.ingest.WarcRecords;
import org.watchfloor.ingest.WarcSource;

/**
 * WARC archives as a format of Flink's file source: each archive (a split; archives are not split)
 * is read by the core's reader ({@link WarcSource#records}), as {@code ingest} reads it, its pages
 * handed on as {@link Staged.Arrived}, its bad records as {@link Staged.Failed} naming the file
 * and the record's offset, and the records that hold no page as {@link Staged.PassedOver}, for the
 * parse stage to count by kind.
 *
 * <p>A bulk format, not a stream format: Flink's stream formats are handed a stream it has already
 * decompressed by the file's extension, which would turn a {@code .warc.gz} into one plain stream
 * (its offsets no longer the file's, and no gzip member to go on from after a bad record). Here
 * the reader gets the file's own bytes, and each page's position is its record's offset in the
 * file: a restored reader seeks to the last record handed on and goes on after it.
 */
final class WarcFormat extends WholeFileFormat {

  private static final long serialVersionUID = 1L;

  private final long maxBytes;

  /** @param maxBytes the largest page read (larger ones are a problem), as {@code ingest}'s */
  WarcFormat(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  Reader<Staged> open(FileSourceSplit split, @Nullable CheckpointedPosition at) throws IOException {
    boolean restored = at != null && at.getOffset() != CheckpointedPosition.NO_OFFSET;
    long offset = restored ? at.getOffset() : split.offset();
    Path path = split.path();
    StreamChannel channel = new StreamChannel(path.getFileSystem().open(path), split.fileSize());
    try {
      channel.position(offset);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return new ArchiveReader(new WarcSource(maxBytes).records(channel, path.toString()), path.toString(),
        restored ? offset : -1);
  }

  /** Reads one archive, a record a batch (a page is parsed and extracted long after it is read). */
  private static final class ArchiveReader implements Reader<Staged> {
    private final WarcRecords records;
    private final String name;
    /** Records at or before this offset were handed on before the restore: they are read again and dropped. */
    private final long handedOn;

    ArchiveReader(WarcRecords records, String name, long handedOn) {
      this.records = records;
      this.name = name;
      this.handedOn = handedOn;
    }

    @Override
    public @Nullable RecordIterator<Staged> readBatch() {
      for (WarcRecords.Read read = records.next(); read != null; read = records.next()) {
        if (read.offset() <= handedOn) {
          continue;
        }
        Staged staged = switch (read) {
          case WarcRecords.Read.Page p -> new Staged.Arrived(p.document());
          case WarcRecords.Read.Failed f -> new Staged.Failed(f.problem());
          // handed on to be counted (a source has no metrics of its own), and a position to restore at
          case WarcRecords.Read.PassedOver p -> new Staged.PassedOver(name + "@" + p.offset(), p.counted());
        };
        SingletonResultIterator<Staged> batch = new SingletonResultIterator<>();
        // restored, the reader seeks to this record and drops what it reads up to its offset
        batch.set(staged, read.offset(), 1);
        return batch;
      }
      return null;
    }

    @Override
    public void close() throws IOException {
      records.close();
    }
  }

  /**
   * The WARC files under the given paths (a folder is walked; a README or an index beside the
   * archives is not read), each one split, as {@code ingest} takes them from a folder.
   */
  static final class WarcFiles extends NonSplittingRecursiveEnumerator {
    WarcFiles() {
      super(new DefaultFileFilter());
    }

    @Override
    protected void convertToSourceSplits(FileStatus file, FileSystem fs, List<FileSourceSplit> target) throws IOException {
      if (WarcSource.isWarc(file.getPath().getName())) {
        super.convertToSourceSplits(file, fs, target);
      }
    }
  }
}
