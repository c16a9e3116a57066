package org.watchfloor.eval.cns;

import java.util.List;
import java.util.Objects;
import org.watchfloor.model.EventDate;

/**
 * A {@code missile_launch} event the system stored, with the urls of the articles that report it
 * as news.
 *
 * @param weapons canonical profile names of the weapons it names
 */
public record Launch(String eventId, EventDate date, List<String> weapons, List<String> urls, String summary) {

  public Launch {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(summary, "summary");
    weapons = List.copyOf(weapons);
    urls = List.copyOf(urls);
  }
}
