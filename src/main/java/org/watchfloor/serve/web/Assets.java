package org.watchfloor.serve.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.watchfloor.serve.api.ApiException;

/**
 * The front-end files, served from the classpath by a fixed table of names: the WebJars'
 * htmx and ECharts and the workbench's own CSS and script. No request names a path, so none
 * can reach a file outside this table.
 */
final class Assets {

  private record Asset(String resource, String contentType) {}

  private static final Map<String, Asset> ASSETS = Map.of(
      "htmx.min.js", new Asset("/META-INF/resources/webjars/htmx.org/2.0.10/dist/htmx.min.js", "text/javascript"),
      "echarts.min.js", new Asset("/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js", "text/javascript"),
      "app.css", new Asset("/web/static/app.css", "text/css"),
      "chart.js", new Asset("/web/static/chart.js", "text/javascript"));

  private final Map<String, byte[]> bytes = new java.util.HashMap<>();

  Assets() {
    ASSETS.forEach((name, a) -> {
      try (InputStream in = Assets.class.getResourceAsStream(a.resource())) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + a.resource());
        }
        bytes.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  void serve(Context ctx) {
    String name = ctx.pathParam("name");
    Asset a = ASSETS.get(name);
    if (a == null) {
      throw ApiException.notFound("asset", name);
    }
    ctx.header("Cache-Control", "public, max-age=86400");
    ctx.contentType(a.contentType() + "; charset=utf-8").result(bytes.get(name));
  }
}
