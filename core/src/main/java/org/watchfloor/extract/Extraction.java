package org.watchfloor.extract;

import java.util.List;
import org.watchfloor.model.Mention;
import org.watchfloor.model.Report;

/** What the extract stage found in one article: its mentions and its event reports. */
public record Extraction(List<Mention> mentions, List<Report> reports) {

  public Extraction {
    mentions = List.copyOf(mentions);
    reports = List.copyOf(reports);
  }
}
