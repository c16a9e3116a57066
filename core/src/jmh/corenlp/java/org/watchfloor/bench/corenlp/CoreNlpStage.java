package org.watchfloor.bench.corenlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.Properties;
import java.util.function.Function;
import org.watchfloor.model.Article;

/**
 * A full Stanford CoreNLP NER pipeline — tokenize, ssplit, pos, lemma, ner with SUTime and
 * fine-grained NER, CoreNLP's defaults — applied to an article's text with its publication day as
 * document date, so that SUTime resolves "yesterday" and "on Sunday" as our time tagger does.
 *
 * <p>Benchmark and evaluation code only: CoreNLP is GPL and is never a dependency of the product.
 */
public final class CoreNlpStage implements Function<Article, Annotation> {

  private final StanfordCoreNLP pipeline;

  public CoreNlpStage() {
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
    // the same threads as ours: one
    props.setProperty("ner.nthreads", "1");
    this.pipeline = new StanfordCoreNLP(props);
  }

  @Override
  public Annotation apply(Article article) {
    return annotate(article.text(), article);
  }

  /** Annotates {@code text} (the article's, or a part of it) dated as the article is. */
  public Annotation annotate(String text, Article article) {
    Annotation doc = new Annotation(text);
    if (article.published() != null) {
      doc.set(CoreAnnotations.DocDateAnnotation.class, article.published().localDay().toString());
    }
    pipeline.annotate(doc);
    return doc;
  }
}
