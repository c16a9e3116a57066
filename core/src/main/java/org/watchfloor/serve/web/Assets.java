package org.watchfloor.serve.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.watchfloor.serve.api.ApiException;

/**
 * The front-end files, served from the classpath by a fixed table of names: the WebJars'
 * htmx, ECharts and Swagger UI, and the workbench's own CSS, scripts and icon. No request names a path, so none
 * can reach a file outside this table. Pages link each file under a name holding a hash of its
 * bytes ({@link #url}), served as immutable for a year: a browser never asks for it again until
 * a new version changes the hash. The plain names still answer, cached for a day, for links
 * made before.
 */
public final class Assets {

  private record Asset(String resource, String contentType) {}

  /** The Swagger UI WebJar's version, as the pom declares it. */
  private static final String SWAGGER_UI = "/META-INF/resources/webjars/swagger-ui/5.35.0/";

  private static final Map<String, Asset> ASSETS = Map.of(
      "htmx.min.js", new Asset("/META-INF/resources/webjars/htmx.org/2.0.10/dist/htmx.min.js", "text/javascript"),
      "echarts.min.js", new Asset("/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js", "text/javascript"),
      "swagger-ui-bundle.js", new Asset(SWAGGER_UI + "swagger-ui-bundle.js", "text/javascript"),
      "swagger-ui.css", new Asset(SWAGGER_UI + "swagger-ui.css", "text/css"),
      "app.css", new Asset("/web/static/app.css", "text/css"),
      "chart.js", new Asset("/web/static/chart.js", "text/javascript"),
      "api-docs.js", new Asset("/web/static/api-docs.js", "text/javascript"),
      "favicon.svg", new Asset("/web/static/favicon.svg", "image/svg+xml"));

  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String DAY = "public, max-age=86400";

  private static final Map<String, byte[]> BYTES = new HashMap<>();
  private static final Map<String, String> HASHES = new HashMap<>();

  static {
    ASSETS.forEach((name, a) -> {
      try (InputStream in = Assets.class.getResourceAsStream(a.resource())) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + a.resource());
        }
        byte[] bytes = in.readAllBytes();
        BYTES.put(name, bytes);
        HASHES.put(name, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 6));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** The class-path resources the table serves (the shaded jar must hold each of them). */
  static List<String> resources() {
    return ASSETS.values().stream().map(Asset::resource).sorted().toList();
  }

  /** The path pages link the asset {@code name} by: {@code /assets/HASH/NAME}. */
  public static String url(String name) {
    String hash = HASHES.get(name);
    if (hash == null) {
      throw new IllegalArgumentException("no asset named " + name);
    }
    return "/assets/" + hash + "/" + name;
  }

  /** {@code /assets/{name}}: cached for a day. */
  void serve(Context ctx) {
    send(ctx, ctx.pathParam("name"), DAY);
  }

  /** {@code /assets/{hash}/{name}}: immutable when the hash is the file's, else as the plain name. */
  void serveVersioned(Context ctx) {
    String name = ctx.pathParam("name");
    send(ctx, name, ctx.pathParam("hash").equals(HASHES.get(name)) ? IMMUTABLE : DAY);
  }

  private static void send(Context ctx, String name, String cacheControl) {
    Asset a = ASSETS.get(name);
    if (a == null) {
      throw ApiException.notFound("asset", name);
    }
    ctx.header("Cache-Control", cacheControl);
    ctx.contentType(a.contentType() + (a.contentType().startsWith("text/") ? "; charset=utf-8" : ""))
        .result(BYTES.get(name));
  }
}
