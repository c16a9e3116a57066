package org.watchfloor.eval.events;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.watchfloor.model.EventDate;

/**
 * One event the system stored, with the references (urls and source paths) of the articles
 * whose reports it holds as news.
 */
public record SystemEvent(
    String id,
    String type,
    EventDate date,
    boolean planned,
    Set<String> weapons,
    List<ArticleRef> articles,
    String evidence) {

  /** An article an event came from. */
  public record ArticleRef(String id, String url, String sourcePath) {}

  public SystemEvent {
    Objects.requireNonNull(id, "id");
    // in the event's order (most named first), so that the listing reads the same every run
    weapons = Collections.unmodifiableSet(new LinkedHashSet<>(weapons));
    articles = List.copyOf(articles);
  }
}
