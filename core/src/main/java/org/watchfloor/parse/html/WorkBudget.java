package org.watchfloor.parse.html;

import org.jsoup.nodes.Node;
import org.watchfloor.budget.Deadline;

/**
 * The steps one page's extraction may spend on work that can grow faster than the page: removing
 * or moving a node (jsoup re-indexes the siblings it leaves, so a removal costs its parent's child
 * count) and measuring a subtree once per candidate. A crafted page of tens of thousands of
 * siblings or unclosed tags asks for billions of such steps; once the budget is spent, the
 * extractor stops removing clutter and keeps what it has, so the rest of its work is linear in
 * the page. Not thread-safe: one per page.
 */
final class WorkBudget {
  /**
   * Steps allowed per page. The 90 real pages of the evaluation spend at most about a tenth of
   * this (see {@code WorkBudgetTest}); crafted pages just under the element cap ask for far more.
   */
  static final long DEFAULT_STEPS = 4_000_000;

  /** Requests between two looks at the document's deadline. */
  private static final int SPENDS_PER_CHECK = 1 << 10;

  private final long limit;
  /** The document's time budget, which every {@value #SPENDS_PER_CHECK} requests are checked against. */
  private final Deadline deadline = Deadline.current();
  private long spent;
  private int requests;
  private boolean exhausted;

  WorkBudget(long limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    this.limit = limit;
  }

  static WorkBudget standard() {
    return new WorkBudget(DEFAULT_STEPS);
  }

  /** Spends {@code steps} if they fit; once one request does not fit, every later one is refused. */
  boolean spend(long steps) {
    if (++requests % SPENDS_PER_CHECK == 0) {
      deadline.check();
    }
    if (exhausted || spent + steps > limit) {
      exhausted = true;
      return false;
    }
    spent += steps;
    return true;
  }

  /** Spends what removing or moving {@code node} out of its parent costs. */
  boolean spendToDetach(Node node) {
    Node parent = node.parentNode();
    return spend(1 + (parent == null ? 0 : parent.childNodeSize()));
  }

  boolean exhausted() {
    return exhausted;
  }

  long spent() {
    return spent;
  }

  long limit() {
    return limit;
  }

  /** The problem recorded when the budget ran out. */
  String problem() {
    return "page too large or too deeply nested: its work budget of " + limit
        + " steps was spent before clutter removal finished; some clutter may remain";
  }
}
