package org.watchfloor.parse.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Trims the boilerplate Readability's scoring leaves inside the chosen article: it scores
 * containers, so whatever sits in the winning container comes along — photo captions and
 * credits, "related" and "trending" link lists, share and subscribe prompts, author boxes, comment
 * counts, the byline and date line, copyright lines, gallery controls.
 *
 * <p>Three signals, none of them tied to a site (measured with {@code watchfloor eval html} on a
 * public benchmark of checked article text, tuned on the pages of half its sites and checked on
 * the other half):
 *
 * <ol>
 *   <li><b>Named boilerplate</b>: an element whose class or id names a caption, credit, gallery,
 *       related or trending list, share, subscribe, comment, author box, copyright and the like is
 *       removed, unless it holds at least half the article's text (then the name is on a wrapper
 *       of the article itself, as in {@code article-related-wrapper}, and removing it would lose
 *       the text);
 *   <li><b>Link blocks</b>: a text block (a paragraph, list item or heading with no block inside)
 *       whose letters and digits are at least {@value #LINK_BLOCK_DENSITY} in links into the
 *       page's own site is a promotion or a related headline ("READ MORE…", "Related: …"); prose links only a
 *       few of its words, and a block of links to other sites is the article's sources or offers,
 *       which the article's text often is, so those stay;
 *   <li><b>Date and byline lines</b>: a short block (at most {@value #SHORT_WORDS} words) that is
 *       not a sentence and holds a date, or holds the page's byline, is the dateline or the byline
 *       ("Updated 11:21 pm, Tuesday, November 19", "By Jane Roe - 11/18/19"), which the metadata
 *       keeps apart.
 * </ol>
 *
 * <p>Tried and left out: dropping a block that repeats an earlier one (it lost more text than
 * boilerplate on the tuning half: tables and lists repeat lines on purpose), dropping headings
 * left with nothing under them and short lines at the very end (no gain), and dropping the only
 * text block beside an image (a caption without a caption's name: it helped the half it was
 * written on and not the other).
 */
final class BoilerplateTrimmer {
  /**
   * Share of a block's letters in links into the site from which it is a link block, not prose.
   * Anything from 0.7 to 0.9 scores the same on both halves of the benchmark (F1 within 0.001);
   * without the rule F1 is 0.004 to 0.009 lower.
   */
  static final double LINK_BLOCK_DENSITY = 0.8;

  /**
   * Word count up to which a line that is not a sentence can be a dateline or byline. The
   * benchmark barely moves with it (F1 within 0.0005 from 0 to 20 words): it is there because the
   * byline and date belong to the metadata, not to the text later stages read for events.
   */
  static final int SHORT_WORDS = 12;

  /**
   * Share of the article's text a named element may hold and still be removed as boilerplate.
   * 0.3 to 0.7 score the same; without this guard the names on the article's own wrappers cost
   * F1 0.02 on both halves.
   */
  static final double NAMED_MAX_SHARE = 0.5;

  /** Class/id fragments naming boilerplate, matched anywhere in the lower-cased class and id. */
  private static final List<String> NAMED_FRAGMENTS =
      List.of(
          "caption", "credit", "gallery", "slideshow", "carousel", "lightbox", "copyright", "related", "trending",
          "newsletter", "subscribe", "signup", "sign-up", "share", "sharing", "social", "comment", "author-bio",
          "authorbio", "about-author", "aboutauthor", "author-box", "authorbox", "disclosure", "disclaimer",
          "promo", "recommend", "popular", "most-read", "mostread", "byline", "dateline", "timestamp",
          "rollover", "breadcrumb", "outbrain", "taboola", "sponsor", "advert", "read-more", "readmore",
          "more-stories", "cookie", "consent", "paywall", "skip-link", "skiplink");

  /** Class/id words naming boilerplate only as a whole word (split on anything not a letter or digit). */
  private static final Set<String> NAMED_WORDS =
      Set.of("bio", "tags", "tag", "meta", "ad", "ads", "date", "time", "author", "credits", "nav", "toolbar");

  private final WorkBudget budget;
  private final @Nullable String site;
  private @Nullable String dateLine;

  /** A trimmer for a page of {@code site} ({@link Sites#of} its URL; null when unknown). */
  BoilerplateTrimmer(WorkBudget budget, @Nullable String site) {
    this.budget = budget;
    this.site = site;
  }

  /** Trims {@code article} in place; {@code byline} is the page's byline when known. */
  void trim(Element article, @Nullable String byline) {
    TextStats stats = TextStats.of(article);
    if (!budget.spend(stats.size())) {
      return;
    }
    removeNamed(article, stats);
    List<Element> blocks = textBlocks(article);
    String bylineKey = byline == null ? null : normalise(byline);
    for (Element block : blocks) {
      String text = normalise(block.text());
      int words = words(text);
      boolean remove = ownLinkDensity(block) >= LINK_BLOCK_DENSITY;
      if (!remove && words <= SHORT_WORDS && !isSentence(text) && !leadsIntoStory(text)) {
        // Every date written in a line has a digit: the date patterns are tried only then.
        boolean dated = hasDigit(text) && DateParser.find(text) != null;
        remove = dated || (bylineKey != null && !bylineKey.isEmpty() && text.contains(bylineKey));
        if (dated && dateLine == null) {
          dateLine = text;
        }
      }
      if (remove) {
        remove(block);
      }
    }
  }

  /** The first date line removed, for the published time when the metadata has none. */
  @Nullable String dateLine() {
    return dateLine;
  }

  /**
   * A wire dateline ("UNITED NATIONS, March 28 (Newswire) --") ends in a dash that leads into the
   * story: it stays, as later stages read the day and the wire's credit from the text's start.
   */
  private static boolean leadsIntoStory(String text) {
    return text.endsWith("-") || text.endsWith("–") || text.endsWith("—");
  }

  /**
   * Share of the block's letters and digits that are in links to the page's own site (relative
   * links, or links to the same site). Links back into the site are its navigation and
   * promotion; links to other sites in a block of their own are the article's sources, offers or
   * references, which its text often is. Spaces and punctuation are not counted, so the
   * separators of a line of links ("About | Contact | Privacy") do not dilute it.
   */
  private double ownLinkDensity(Element block) {
    int all = wordChars(block.text());
    if (all == 0) {
      return 0;
    }
    int links = 0;
    for (Element a : block.getElementsByTag("a")) {
      if (isOwnLink(a.attr("href"))) {
        links += wordChars(a.text());
      }
    }
    return (double) links / all;
  }

  private static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static int wordChars(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  private boolean isOwnLink(String href) {
    String h = href.strip();
    int colon = h.indexOf(':');
    int slash = h.indexOf('/');
    boolean absolute = h.startsWith("//") || (colon > 0 && (slash < 0 || colon < slash));
    if (!absolute) {
      return true;
    }
    if (h.startsWith("//")) {
      h = "http:" + h;
    }
    return site != null && site.equals(Sites.of(h));
  }

  private void removeNamed(Element article, TextStats stats) {
    int articleLength = stats.length(article);
    Element node = Dom.next(article, false);
    Element end = Dom.next(article, true);
    while (node != null && node != end && !budget.exhausted()) {
      if (isNamedBoilerplate(node)) {
        // Lengths measured before any removal: an element's own text is unchanged by removals
        // outside it, and one inside it only made it shorter, which the check does not need.
        int length = stats.length(node);
        if (length >= 0 && length < NAMED_MAX_SHARE * articleLength && !leadsIntoStory(normalise(node.text()))
            && budget.spendToDetach(node)) {
          node = Dom.removeAndNext(node);
          continue;
        }
      }
      node = Dom.next(node, false);
    }
  }

  static boolean isNamedBoilerplate(Element e) {
    String cls = e.className();
    String id = e.id();
    if (cls.isEmpty() && id.isEmpty()) {
      return false;
    }
    String match = (cls + " " + id).toLowerCase(Locale.ROOT);
    for (String f : NAMED_FRAGMENTS) {
      if (match.contains(f)) {
        return true;
      }
    }
    int start = -1;
    for (int i = 0; i <= match.length(); i++) {
      boolean word = i < match.length() && Character.isLetterOrDigit(match.charAt(i));
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        if (NAMED_WORDS.contains(match.substring(start, i))) {
          return true;
        }
        start = -1;
      }
    }
    return false;
  }

  private void remove(Element block) {
    if (block.parent() != null && budget.spendToDetach(block)) {
      Element parent = block.parent();
      block.remove();
      // A list or wrapper left empty would only add a blank paragraph.
      while (parent != null && parent.parent() != null && parent.childrenSize() == 0 && !Dom.hasText(parent)
          && budget.spendToDetach(parent)) {
        Element up = parent.parent();
        parent.remove();
        parent = up;
      }
    }
  }

  /** Block elements holding no other block element and some text, in document order. */
  private static List<Element> textBlocks(Element root) {
    List<Element> blocks = new ArrayList<>();
    collectBlocks(root, root, blocks);
    return blocks;
  }

  /** Adds the text blocks under {@code e}; whether {@code e} holds a block element. */
  private static boolean collectBlocks(Element e, Element root, List<Element> blocks) {
    int mark = blocks.size();
    boolean holdsBlock = false;
    for (Element child : e.children()) {
      holdsBlock |= collectBlocks(child, root, blocks) || TextRenderer.BLOCKS.contains(child.normalName());
    }
    if (e != root && !holdsBlock && TextRenderer.BLOCKS.contains(e.normalName()) && hasOwnText(e)) {
      blocks.add(mark, e);
    }
    return holdsBlock;
  }

  private static boolean hasOwnText(Element e) {
    for (Node n : e.childNodes()) {
      if (n instanceof TextNode t && !t.isBlank()) {
        return true;
      }
      if (n instanceof Element c && !TextRenderer.BLOCKS.contains(c.normalName()) && Dom.hasText(c)) {
        return true;
      }
    }
    return false;
  }

  /** Ends like a sentence: a full stop, question or exclamation mark (any script), or a closing quote after one. */
  static boolean isSentence(String text) {
    int end = text.length();
    while (end > 0 && "\"'”’»)]".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    if (end == 0) {
      return false;
    }
    char c = text.charAt(end - 1);
    return c == '.' || c == '!' || c == '?' || c == '。' || c == '！' || c == '？' || c == '…' || c == '؟' || c == '।';
  }

  private static int words(String text) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < text.length(); i++) {
      boolean w = Character.isLetterOrDigit(text.charAt(i));
      if (w && !in) {
        n++;
      }
      in = w;
    }
    return n;
  }

  private static String normalise(String s) {
    return s.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
  }
}
