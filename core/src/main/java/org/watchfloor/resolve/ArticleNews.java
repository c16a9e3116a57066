package org.watchfloor.resolve;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.watchfloor.model.Article;
import org.watchfloor.model.Report;

/**
 * Tells which reports of an article are its news. A report that retells a happening days older
 * than the article is a recap, which confirms nothing ({@link #withRecaps}). And it finds the news of an article whose every report is marked background: the happening it opens
 * with, when that happened on the day of publication or the day before. A reaction story ("a
 * chorus of condemnation after the launch", "outrage greets the test") tells of the happening in
 * a subordinate clause, which reads as a mention in passing, yet the happening is what the story
 * is news about. An older happening it opens with stays background, and so does a happening first
 * named further down: a commentary that gets to a recent drill in its tenth paragraph is not news
 * of the drill.
 */
final class ArticleNews {

  /** The widest date, in days, that still names one happening: a day, or "this week". */
  static final long MAX_SPAN_DAYS = 7;

  /**
   * How many non-blank lines may stand before the opener: a headline, a caption or byline line a
   * scraper kept, and the lead paragraph's first part.
   */
  static final int LEAD_LINES = 3;

  /**
   * Days after a happening that a report of it still confirms it: the state media report the day
   * before's doings, outlets abroad date a Korean morning a day early, and a follow-up of the third
   * day still reports ("said on Sunday" in Wednesday's paper). Later, a sentence that dates the
   * happening recaps it ("the nuclear test on Wednesday last week angered China"): it confirms
   * nothing new. Whether the recap is the article's news or a mention in passing is the extract
   * stage's call, not this rule's: in the annotated corpus 19 of 226 happenings told as news (dated to the day) were
   * four or more days old, and state media report a drill up to three weeks after it.
   */
  static final long RECAP_AFTER_DAYS = 3;

  private ArticleNews() {}

  /**
   * The reports, with those that tell a happening more than {@value #RECAP_AFTER_DAYS} days older
   * than the article marked recaps: still news of it where the article tells it as news (state
   * media denounce a drill a week after it, and that is how the drill is reported), but no new
   * confirmation of it, so they do not count toward its independent origins. A plan is not a
   * recap, nor is a report of an undated article.
   */
  static List<Report> withRecaps(Article article, List<Report> found) {
    if (article.published() == null) {
      return found;
    }
    LocalDate cutoff = article.published().localDay().minusDays(RECAP_AFTER_DAYS);
    return found.stream().map(r -> r.planned() || !r.date().isKnown() || !r.date().latest().isBefore(cutoff)
        ? r : copy(r, r.background(), true)).toList();
  }

  private static Report copy(Report r, boolean background, boolean recap) {
    return new Report(
        r.id(), r.articleId(), r.eventType(), r.date(), r.planned(), background, r.actors(), r.weapons(),
        r.locations(), r.attributes(), r.evidence(), r.evidenceStart(), r.evidenceEnd(), r.attribution(),
        r.certainty(), r.origin(), r.claims(), recap);
  }

  /** The reports, with the opener made news where the article has no news report at all. */
  static List<Report> withNews(Article article, List<Report> found) {
    if (article.published() == null || found.isEmpty() || found.stream().anyMatch(r -> !r.background())) {
      return found;
    }
    Report opener = found.stream().min(Comparator.comparingInt(Report::evidenceStart)).orElseThrow();
    if (!recent(opener, article.published().localDay()) || !inLead(article.text(), opener.evidenceStart())) {
      return found;
    }
    return found.stream().map(r -> r != opener ? r : copy(r, false, r.recap())).toList();
  }

  private static boolean inLead(String text, int start) {
    return text.substring(0, Math.min(start, text.length())).lines().filter(l -> !l.isBlank()).count() <= LEAD_LINES;
  }

  /** A happening, not a plan, dated to within a week that takes in the day before publication or the day. */
  private static boolean recent(Report r, LocalDate published) {
    return !r.planned() && r.date().isKnown() && r.date().spanDays() <= MAX_SPAN_DAYS
        && !r.date().latest().isBefore(published.minusDays(1)) && !r.date().earliest().isAfter(published);
  }
}
