package org.watchfloor.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.watchfloor.WatchfloorException;
import org.watchfloor.serve.StoreWriter;
import org.watchfloor.serve.api.StoreReads;
import org.watchfloor.serve.auth.Transport;
import org.watchfloor.serve.web.Workbench;
import org.watchfloor.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code watchfloor serve}: the analyst workbench and the REST API over a store, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serves the analyst workbench (timeline, events, articles, entities, search, charts) and the REST",
        "API under /api/v1 over the store, until interrupted. Binds to loopback unless told otherwise; reading",
        "is open to loopback clients, writing needs an analyst (watchfloor user add NAME)."})
final class ServeCommand implements Callable<Integer> {

  /** Where the workbench listens; shared with {@code run --serve}. */
  static final class Listen {
    @Option(names = "--host", defaultValue = "127.0.0.1",
        description = "Address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 exposes the workbench to the network).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--read-connections", paramLabel = "N",
        description = "Read-only store connections shared by concurrent requests (default: two per core).")
    Integer readConnections;

    @Option(names = "--public-url", paramLabel = "URL",
        description = "The address browsers use, when a proxy stands in front: its host is accepted in Host and Origin"
            + " beside the bound address and localhost (others get 421 and 403), and an https:// one makes every cookie Secure.")
    URI publicUrl;

    @Option(names = "--trust-forwarded-proto",
        description = "Trust the X-Forwarded-Proto header of a TLS proxy in front: cookies of requests it marks https are"
            + " Secure. Only behind a proxy that sets the header itself: clients reaching the server directly can send it.")
    boolean trustForwardedProto;

    /** Starts the workbench over {@code store}, its edits written through {@code writer}, and says where. */
    Workbench start(Store store, StoreWriter writer, StoreOptions options, PrintWriter out) {
      int n = readConnections == null ? StoreReads.DEFAULT_CONNECTIONS : readConnections;
      if (n < 1 || n > 256) {
        throw new WatchfloorException.BadInput("--read-connections must be between 1 and 256");
      }
      Transport transport = new Transport(publicUrl, trustForwardedProto);
      Workbench workbench = Workbench.over(store, options.loadProfile(), n, writer, transport).start(host, port);
      out.printf("serving %s on http://%s:%d/%s%n", store.location().name(), host, workbench.port(),
          publicUrl == null ? "" : " (reached as " + publicUrl + ")");
      out.flush();
      return workbench;
    }
  }

  @Mixin StoreOptions options;
  @Mixin Listen listen;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stopped = new CountDownLatch(1);
    try (Store store = options.openToRead()) {
      // serve holds no writer, so that an ingest can run beside it; each edit opens one
      Workbench workbench = listen.start(store, StoreWriter.opening(store.location(), store.dir()), options, out);
      Thread hook = new Thread(() -> {
        workbench.stop();
        stopped.countDown();
      }, "watchfloor-serve-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      stopped.await();
    }
    return Main.OK;
  }
}
