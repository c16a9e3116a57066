package org.watchfloor.flink;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.util.Collector;
import org.watchfloor.ingest.HttpFetcher;
import org.watchfloor.ingest.UrlSource;

/**
 * The fetch stage of a GDELT export's URLs: each {@link Staged.Found} page is fetched as {@code
 * ingest} fetches a URL ({@link UrlSource}: http(s) only, never a loopback, private or link-local
 * address unless allowed, size and time limits) and becomes a {@link Staged.Arrived} document, or a
 * {@link Staged.Failed} naming the URL; what is not a URL passes on.
 *
 * <p>The fetcher waits its politeness delay between two requests to one host; the job keys this
 * stage by the URL's host ({@link #HOST}), so that all of a host's pages go to one instance and
 * the delay holds for the job, not for each instance. Stateless: after a restart, the pages of the
 * URLs read again are fetched again, and the store skips what it has.
 */
public final class FetchFunction extends RichFlatMapFunction<Staged, Staged> {

  private static final long serialVersionUID = 1L;

  /** How the job fetches: {@code --allow-private-addresses} and {@code --politeness} as {@code ingest} takes them. */
  public record Settings(boolean allowPrivateAddresses, long politenessMillis) implements Serializable {
    HttpFetcher.Options options() {
      return HttpFetcher.Options.defaults()
          .withAllowPrivateAddresses(allowPrivateAddresses)
          .withPoliteness(Duration.ofMillis(Math.max(0, politenessMillis)));
    }
  }

  /** The key of a URL's fetch: its host, in lower case (what is not a URL: the empty key). */
  static final KeySelector<Staged, String> HOST = staged -> {
    if (staged instanceof Staged.Found found) {
      try {
        String host = URI.create(found.url()).getHost();
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        return ""; // a malformed URL: the fetcher refuses it, naming it
      }
    }
    return "";
  };

  private final Settings settings;
  private transient HttpFetcher fetcher;
  private transient UrlSource pages;

  public FetchFunction(Settings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext context) {
    fetcher = new HttpFetcher(settings.options());
    pages = new UrlSource(fetcher);
  }

  @Override
  public void flatMap(Staged in, Collector<Staged> out) {
    if (!(in instanceof Staged.Found found)) {
      out.collect(in);
      return;
    }
    pages.read(found.url(), DocumentsArrived.to(out));
  }

  @Override
  public void close() {
    if (fetcher != null) {
      fetcher.close();
    }
  }
}
