package org.watchfloor.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** The random secrets of a rule (its webhook's signing key, its feed's token) and the digest a token is kept as. */
public final class Tokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  /** 256 random bits, URL-safe Base64, after a prefix that says what the secret is for. */
  static String random(String prefix) {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** SHA-256 of a token, hex: a random 256-bit token needs no slow digest. */
  public static String digest(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code token} is the one whose digest is {@code digest}, compared in constant time. */
  public static boolean matches(String token, String digest) {
    return MessageDigest.isEqual(digest(token).getBytes(StandardCharsets.UTF_8), digest.getBytes(StandardCharsets.UTF_8));
  }
}
