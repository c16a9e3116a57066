package org.watchfloor.serve.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

  @Test
  void aPasswordVerifiesAgainstItsHashAndNoOtherDoes() {
    String stored = Passwords.hash("correct horse battery".toCharArray());
    assertThat(stored).startsWith("pbkdf2-sha256$210000$").doesNotContain("correct horse");
    assertThat(Passwords.verify("correct horse battery".toCharArray(), stored)).isTrue();
    assertThat(Passwords.verify("correct horse batterz".toCharArray(), stored)).isFalse();
    assertThat(Passwords.verify("".toCharArray(), stored)).isFalse();
  }

  @Test
  void eachHashHasItsOwnSalt() {
    String a = Passwords.hash("same password".toCharArray());
    String b = Passwords.hash("same password".toCharArray());
    assertThat(a).isNotEqualTo(b);
    assertThat(a.split("\\$")[2]).isNotEqualTo(b.split("\\$")[2]);
  }

  @Test
  void malformedStoredHashesNeverVerify() {
    for (String bad : new String[] {"", "plain", "md5$1$aa$bb", "pbkdf2-sha256$x$aa$bb"}) {
      assertThat(Passwords.verify("plain".toCharArray(), bad)).as(bad).isFalse();
    }
  }
}
