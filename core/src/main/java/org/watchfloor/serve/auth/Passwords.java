package org.watchfloor.serve.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashing with the JDK's PBKDF2-HMAC-SHA256 at OWASP's recommended 210,000 iterations
 * and a random 16-byte salt per password, stored as {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}
 * (Base64). The JDK's KDF rather than a library: it is the one the OWASP table names for FIPS
 * settings and needs no dependency. Verification reads the iterations from the stored string, so
 * raising them later leaves old hashes valid.
 */
public final class Passwords {

  static final String SCHEME = "pbkdf2-sha256";
  static final int ITERATIONS = 210_000;
  private static final int SALT_BYTES = 16;
  private static final int KEY_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Verified against when the account does not exist, so that a wrong name takes as long as a wrong password. */
  private static final String DECOY = hash("decoy password".toCharArray());

  private Passwords() {}

  public static String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] key = derive(password, salt, ITERATIONS);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return SCHEME + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
  }

  /** Whether {@code password} matches {@code stored}, compared in constant time. */
  public static boolean verify(char[] password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      return false;
    }
    int iterations;
    try {
      iterations = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      return false;
    }
    Base64.Decoder b64 = Base64.getDecoder();
    byte[] expected = b64.decode(parts[3]);
    return MessageDigest.isEqual(derive(password, b64.decode(parts[2]), iterations), expected);
  }

  /** Spends the time of one verification, for a login naming no account. */
  static void verifyDecoy(char[] password) {
    verify(password, DECOY);
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
    } finally {
      spec.clearPassword();
    }
  }

  /** Clears a password once it has been used. */
  static void wipe(char[] password) {
    Arrays.fill(password, '\0');
  }
}
