package org.watchfloor.parse.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Element;

/**
 * Reads the schema.org article object from a page's {@code application/ld+json} scripts:
 * headline/name, author name(s), datePublished, publisher name, description and inLanguage.
 */
final class JsonLd {
  private static final Pattern ARTICLE_TYPES =
      Pattern.compile(
          "^(Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle"
              + "|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report"
              + "|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting"
              + "|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference|WebPage)$");
  private static final Pattern SCHEMA_ORG = Pattern.compile("^https?://schema\\.org/?$");
  private static final Pattern CDATA = Pattern.compile("^\\s*<!\\[CDATA\\[|]]>\\s*$");
  private static final int MAX_SCRIPT_CHARS = 1_000_000;

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(MAX_SCRIPT_CHARS).build())
              .build());

  /** What the article object says; every field may be missing. */
  record Article(
      @Nullable String name,
      @Nullable String headline,
      @Nullable String byline,
      @Nullable String description,
      @Nullable String siteName,
      @Nullable String datePublished,
      @Nullable String language,
      boolean webPageOnly) {}

  private JsonLd() {}

  /** The first schema.org article object on the page, or null; bad JSON is recorded in problems. */
  static @Nullable Article read(List<Element> scripts, List<String> problems) {
    Article webPage = null;
    for (Element script : scripts) {
      String content = CDATA.matcher(script.data()).replaceAll("");
      if (content.length() > MAX_SCRIPT_CHARS || content.isBlank()) {
        continue;
      }
      JsonNode root;
      try {
        root = MAPPER.readTree(content);
      } catch (JsonProcessingException e) {
        problems.add("unreadable JSON-LD script: " + e.getOriginalMessage());
        continue;
      }
      JsonNode article = findArticle(root, false);
      if (article != null) {
        Article found = toArticle(article);
        if (!found.webPageOnly()) {
          return found;
        }
        if (webPage == null) {
          webPage = found;
        }
      }
    }
    return webPage;
  }

  private static @Nullable JsonNode findArticle(JsonNode node, boolean contextKnown) {
    if (node.isArray()) {
      JsonNode best = null;
      for (JsonNode item : node) {
        JsonNode found = findArticle(item, contextKnown);
        if (found != null && !isType(found, "WebPage")) {
          return found;
        }
        if (best == null) {
          best = found;
        }
      }
      return best;
    }
    if (!node.isObject()) {
      return null;
    }
    boolean schema = contextKnown || isSchemaOrg(node.get("@context"));
    if (!schema) {
      return null;
    }
    if (matchesType(node)) {
      return node;
    }
    JsonNode graph = node.get("@graph");
    if (graph != null && graph.isArray()) {
      return findArticle(graph, true);
    }
    return null;
  }

  private static boolean isSchemaOrg(@Nullable JsonNode context) {
    if (context == null) {
      return false;
    }
    if (context.isTextual()) {
      return SCHEMA_ORG.matcher(context.asText()).matches();
    }
    if (context.isObject()) {
      JsonNode vocab = context.get("@vocab");
      return vocab != null && vocab.isTextual() && SCHEMA_ORG.matcher(vocab.asText()).matches();
    }
    if (context.isArray()) {
      for (JsonNode c : context) {
        if (isSchemaOrg(c)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matchesType(JsonNode node) {
    JsonNode type = node.get("@type");
    if (type == null) {
      return false;
    }
    if (type.isTextual()) {
      return ARTICLE_TYPES.matcher(type.asText()).matches();
    }
    for (JsonNode t : type) {
      if (t.isTextual() && ARTICLE_TYPES.matcher(t.asText()).matches()) {
        return true;
      }
    }
    return false;
  }

  private static boolean isType(JsonNode node, String name) {
    JsonNode type = node.get("@type");
    return type != null && type.isTextual() && type.asText().equals(name);
  }

  private static Article toArticle(JsonNode a) {
    return new Article(
        text(a.get("name")),
        text(a.get("headline")),
        authors(a.get("author")),
        text(a.get("description")),
        a.get("publisher") == null ? null : text(a.get("publisher").get("name")),
        text(a.get("datePublished")),
        language(a.get("inLanguage")),
        isType(a, "WebPage"));
  }

  private static @Nullable String authors(@Nullable JsonNode author) {
    if (author == null) {
      return null;
    }
    if (author.isTextual()) {
      return blankToNull(author.asText());
    }
    if (author.isObject()) {
      return text(author.get("name"));
    }
    if (author.isArray()) {
      List<String> names = new ArrayList<>();
      for (JsonNode one : author) {
        String name = one.isTextual() ? blankToNull(one.asText()) : text(one.get("name"));
        if (name != null) {
          names.add(name);
        }
      }
      return names.isEmpty() ? null : String.join(", ", names);
    }
    return null;
  }

  private static @Nullable String language(@Nullable JsonNode lang) {
    if (lang == null) {
      return null;
    }
    if (lang.isObject()) {
      return text(lang.get("alternateName"));
    }
    return text(lang);
  }

  private static @Nullable String text(@Nullable JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isArray() && !node.isEmpty()) {
      return text(node.get(0));
    }
    return node.isTextual() ? blankToNull(node.asText()) : null;
  }

  private static @Nullable String blankToNull(String s) {
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }
}
