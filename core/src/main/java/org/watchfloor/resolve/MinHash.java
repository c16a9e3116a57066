package org.watchfloor.resolve;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A MinHash sketch of an article's word 4-shingles, with LSH band keys: two texts whose shingle
 * sets have Jaccard similarity J share at least one band key with probability
 * {@code 1 - (1 - J^ROWS)^BANDS} (about 0.6 at J = 0.6, over 0.99 at J = 0.8), so copies are
 * found by looking up a fixed number of keys, whatever the size of the store.
 *
 * <p>Hand-written rather than taken from DataSketches: its Theta and tuple sketches estimate
 * the Jaccard similarity of a pair already in hand, but offer no banding to find the pair among
 * millions, and a MinHash with banding is fifty lines. The hash functions and seeds are fixed:
 * sketches are stored, so they must not change between runs or versions.
 */
final class MinHash {

  static final int BANDS = 20;
  static final int ROWS = 6;
  static final int SIZE = BANDS * ROWS;
  static final int SHINGLE = 4;
  /** Texts with fewer words are not sketched: a few shared words prove nothing. */
  static final int MIN_WORDS = 30;

  private static final long[] SEEDS = new long[SIZE];

  static {
    long x = 0x5EEDL;
    for (int i = 0; i < SIZE; i++) {
      x += 0x9E3779B97F4A7C15L;
      SEEDS[i] = mix(x);
    }
  }

  private MinHash() {}

  /** The sketch of a text, or an empty array when it is too short to sketch. */
  static int[] sketch(String text) {
    List<String> words = words(text);
    if (words.size() < MIN_WORDS) {
      return new int[0];
    }
    long[] min = new long[SIZE];
    java.util.Arrays.fill(min, Long.MAX_VALUE);
    StringBuilder shingle = new StringBuilder();
    for (int i = 0; i + SHINGLE <= words.size(); i++) {
      shingle.setLength(0);
      for (int j = i; j < i + SHINGLE; j++) {
        shingle.append(words.get(j)).append(' ');
      }
      long h = fnv(shingle);
      for (int k = 0; k < SIZE; k++) {
        long v = mix(h ^ SEEDS[k]) >>> 1;
        if (v < min[k]) {
          min[k] = v;
        }
      }
    }
    int[] out = new int[SIZE];
    for (int k = 0; k < SIZE; k++) {
      out[k] = (int) min[k];
    }
    return out;
  }

  /** One key per band: the band's number and a hash of its rows. */
  static List<String> bandKeys(int[] sketch) {
    List<String> keys = new ArrayList<>(BANDS);
    if (sketch.length != SIZE) {
      return keys;
    }
    for (int b = 0; b < BANDS; b++) {
      long h = 0xCBF29CE484222325L;
      for (int r = 0; r < ROWS; r++) {
        h = mix(h ^ sketch[b * ROWS + r]);
      }
      keys.add(String.format(Locale.ROOT, "%02d:%016x", b, h));
    }
    return keys;
  }

  /** The estimated Jaccard similarity of the shingle sets behind two sketches. */
  static double similarity(int[] a, int[] b) {
    if (a.length != SIZE || b.length != SIZE) {
      return 0;
    }
    int same = 0;
    for (int k = 0; k < SIZE; k++) {
      if (a[k] == b[k]) {
        same++;
      }
    }
    return (double) same / SIZE;
  }

  static byte[] toBytes(int[] sketch) {
    ByteBuffer buf = ByteBuffer.allocate(sketch.length * 4);
    buf.asIntBuffer().put(sketch);
    return buf.array();
  }

  static int[] fromBytes(byte[] bytes) {
    int[] out = new int[bytes.length / 4];
    ByteBuffer.wrap(bytes).asIntBuffer().get(out);
    return out;
  }

  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        w.appendCodePoint(Character.toLowerCase(cp));
      } else if (w.length() > 0) {
        words.add(w.toString());
        w.setLength(0);
      }
      i += Character.charCount(cp);
    }
    if (w.length() > 0) {
      words.add(w.toString());
    }
    return words;
  }

  private static long fnv(CharSequence s) {
    long h = 0xCBF29CE484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001B3L;
    }
    return h;
  }

  /** The SplitMix64 finaliser: a fast, well-mixed 64-bit hash of a 64-bit value. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
