package org.watchfloor.resolve;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * all-MiniLM-L6-v2 (quantised) from the langchain4j jar, run by ONNX Runtime on one thread.
 *
 * <p>Built by hand rather than with langchain4j's own class, which leaves ONNX Runtime its default
 * pool of one spinning thread per core: ingest embeds one article at a time, and on a shared
 * machine the spinning threads wait for cores instead of working (one thread measured faster).
 */
final class MiniLmModel extends AbstractInProcessEmbeddingModel {

  private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

  private final OnnxBertBiEncoder encoder;

  MiniLmModel() {
    super(null);
    try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      OrtSession session = env.createSession(model.readAllBytes(), options);
      encoder = new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedding model", e);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime cannot load the embedding model: " + e.getMessage(), e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = MiniLmModel.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("no " + name + " on the class path");
    }
    return in;
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return Embedder.DIMENSIONS;
  }
}
