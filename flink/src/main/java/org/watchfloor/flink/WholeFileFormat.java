package org.watchfloor.flink;

import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.jspecify.annotations.Nullable;

/**
 * A format of Flink's file source whose every file is one split, read by one of the core's
 * sources into the job's {@link Staged} values ({@link WarcFormat}, {@link GdeltFormat}): a fresh
 * reader and a restored one differ only in the position they start from.
 */
abstract class WholeFileFormat implements BulkFormat<Staged, FileSourceSplit> {

  private static final long serialVersionUID = 1L;

  /**
   * A reader of the split's file, from its start ({@code at} null) or after the position a
   * checkpoint recorded, as this format's records record it.
   */
  abstract Reader<Staged> open(FileSourceSplit split, @Nullable CheckpointedPosition at) throws IOException;

  @Override
  public final Reader<Staged> createReader(Configuration config, FileSourceSplit split) throws IOException {
    return open(split, null);
  }

  @Override
  public final Reader<Staged> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
    return open(split, split.getReaderPosition().orElse(null));
  }

  @Override
  public final boolean isSplittable() {
    return false;
  }

  @Override
  public final TypeInformation<Staged> getProducedType() {
    return TypeInformation.of(Staged.class);
  }
}
