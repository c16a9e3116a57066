package org.watchfloor.flink;

import org.watchfloor.extract.Extraction;
import org.watchfloor.ingest.Problem;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;

/**
 * What flows from one stage of the job to the next: a document read, parsed, extracted, or one
 * that cannot go further, with its reason. A bad document becomes a {@link Failed} and travels on to
 * the store's quarantine, as in the embedded pipeline, so one bad article never stops the job.
 *
 * <p>In the job these values pass between chained operators (parse, extract and the store's
 * writer run in one task, with object reuse on, see {@link FirehoseJob}): they are handed over by
 * reference. Should they ever be copied or sent, Flink's generic serializer (Kryo) carries them.
 */
public sealed interface Staged {

  /** The address of a page to fetch, and where it was found (a GDELT export, by file name). */
  record Found(String url, String source) implements Staged {}

  /** A document as a source read it, not parsed yet (a page of a WARC archive, or one fetched). */
  record Arrived(RawDocument document) implements Staged {}

  /** A document and the article parsed from it. */
  record Parsed(RawDocument document, Article article) implements Staged {}

  /** A parsed article the relevance gate let through, with what extraction found in it. */
  record Extracted(RawDocument document, Article article, Extraction extraction) implements Staged {}

  /**
   * A record of the input that holds no article (a WARC archive's request, revisit, image …), by
   * its place ({@code FILE@OFFSET}) and its kind as {@code ingest} counts it ({@code WARC revisit}):
   * counted by the parse stage and gone no further.
   */
  record PassedOver(String source, String kind) implements Staged {}

  /** A document that cannot be stored, and why. */
  record Failed(Problem problem) implements Staged {}
}
