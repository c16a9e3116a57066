package org.watchfloor.eval.cns;

import java.util.List;
import java.util.Objects;
import org.watchfloor.model.EventDate;

/**
 * A launch the system stored (a {@code missile_launch} event, or another type the check is asked
 * to take), with the urls of the articles that report it as news.
 *
 * @param weapons canonical profile names of the weapons it names
 */
public record Launch(String eventId, String type, EventDate date, List<String> weapons, List<String> urls, String summary) {

  public Launch {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(summary, "summary");
    weapons = List.copyOf(weapons);
    urls = List.copyOf(urls);
  }
}
