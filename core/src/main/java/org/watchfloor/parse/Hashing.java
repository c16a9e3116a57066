package org.watchfloor.parse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in hex, the project's content fingerprint. */
public final class Hashing {

  private Hashing() {}

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  public static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The fingerprint of a body text: white space collapsed, so re-wrapped copies hash alike. */
  public static String textHash(String text) {
    return sha256(text.strip().replaceAll("\\s+", " "));
  }
}
