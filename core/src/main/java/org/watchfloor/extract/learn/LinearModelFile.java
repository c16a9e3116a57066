package org.watchfloor.extract.learn;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The file of a {@link LinearModel}: its labels, feature names and weights, and nothing else, so
 * that reading it is a few bulk copies. Big-endian ({@link DataOutputStream}'s order):
 *
 * <pre>
 * int    magic "WFLM"
 * int    format version (1)
 * int    label count, then each label (modified UTF-8, writeUTF), in LIBLINEAR's order
 * int    unseen label count, then each (writeUTF)
 * int    feature count n, then n ints: each name's length in UTF-8 bytes, by id
 * int    byte count of the names, then the names in UTF-8, by id, one after another
 * double n × r weights, feature by feature (r: 1 for two labels, else one per label)
 * double r biases
 * </pre>
 *
 * The same model always writes the same bytes: no time, machine or library version is in it.
 */
final class LinearModelFile {

  private static final int MAGIC = 'W' << 24 | 'F' << 16 | 'L' << 8 | 'M';
  static final int FORMAT = 1;
  /** More features than any model here will have (the type model has some 58,000): a bad count says a broken file. */
  private static final int MAX_FEATURES = 1 << 26;
  private static final int MAX_NAME_BYTES = 1 << 30;

  private LinearModelFile() {}

  /** Whether a stream whose first two bytes are these is one of these files (else a Tribuo one). */
  static boolean starts(int first, int second) {
    return first == (MAGIC >>> 24) && second == (MAGIC >>> 16 & 0xff);
  }

  static void write(LinearModel model, OutputStream raw) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
    out.writeInt(MAGIC);
    out.writeInt(FORMAT);
    writeStrings(out, model.labels());
    writeStrings(out, model.unseen());
    FeatureIndex features = model.features();
    int n = features.size();
    out.writeInt(n);
    byte[][] names = new byte[n][];
    int total = 0;
    for (int id = 0; id < n; id++) {
      names[id] = features.name(id).getBytes(StandardCharsets.UTF_8);
      out.writeInt(names[id].length);
      total = Math.addExact(total, names[id].length);
    }
    out.writeInt(total);
    for (byte[] name : names) {
      out.write(name);
    }
    for (double w : model.weights()) {
      out.writeDouble(w);
    }
    for (double b : model.bias()) {
      out.writeDouble(b);
    }
    out.flush();
  }

  static LinearModel read(InputStream raw, String source) throws IOException {
    DataInputStream in = new DataInputStream(raw);
    try {
      if (in.readInt() != MAGIC) {
        throw bad(source, "not a model file");
      }
      int format = in.readInt();
      if (format != FORMAT) {
        throw bad(source, "model file format " + format + ", this build reads format " + FORMAT + " (or Tribuo's)");
      }
      List<String> labels = readStrings(in, source);
      List<String> unseen = readStrings(in, source);
      int n = count(in.readInt(), MAX_FEATURES, source, "features");
      int[] lengths = new int[n];
      ByteBuffer.wrap(bytes(in, n * Integer.BYTES)).asIntBuffer().get(lengths);
      int total = count(in.readInt(), MAX_NAME_BYTES, source, "name bytes");
      byte[] blob = bytes(in, total);
      String[] names = new String[n];
      int at = 0;
      for (int id = 0; id < n; id++) {
        if (lengths[id] < 0 || lengths[id] > total - at) {
          throw bad(source, "feature names overrun their " + total + " bytes");
        }
        names[id] = new String(blob, at, lengths[id], StandardCharsets.UTF_8);
        at += lengths[id];
      }
      if (at != total) {
        throw bad(source, "feature names fill " + at + " of their " + total + " bytes");
      }
      int rows = LinearModel.rows(labels.size());
      double[] weights = doubles(in, Math.multiplyExact(n, rows));
      double[] bias = doubles(in, rows);
      if (in.read() != -1) {
        throw bad(source, "bytes after the model");
      }
      try {
        return new LinearModel(labels, unseen, new FeatureIndex(names), weights, bias);
      } catch (IllegalArgumentException e) {
        throw bad(source, e.getMessage());
      }
    } catch (EOFException e) {
      throw bad(source, "the model file ends early");
    } catch (ArithmeticException e) {
      throw bad(source, "counts too large: " + e.getMessage());
    }
  }

  private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
    out.writeInt(strings.size());
    for (String s : strings) {
      out.writeUTF(s);
    }
  }

  private static List<String> readStrings(DataInputStream in, String source) throws IOException {
    int n = count(in.readInt(), 1 << 16, source, "labels");
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(in.readUTF());
    }
    return out;
  }

  private static int count(int n, int max, String source, String what) {
    if (n < 0 || n > max) {
      throw bad(source, "a count of " + n + " " + what);
    }
    return n;
  }

  private static byte[] bytes(DataInputStream in, int n) throws IOException {
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }

  private static double[] doubles(DataInputStream in, int n) throws IOException {
    double[] out = new double[n];
    ByteBuffer.wrap(bytes(in, Math.multiplyExact(n, Double.BYTES))).asDoubleBuffer().get(out);
    return out;
  }

  private static IllegalArgumentException bad(String source, String why) {
    return new IllegalArgumentException(source + ": " + why);
  }
}
