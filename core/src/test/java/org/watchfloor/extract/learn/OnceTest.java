package org.watchfloor.extract.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class OnceTest {

  @Test
  void readsNothingUntilAskedAndThenOnce() {
    AtomicInteger reads = new AtomicInteger();
    Supplier<String> once = Once.of(() -> "weights " + reads.incrementAndGet());
    assertThat(reads).hasValue(0);
    assertThat(once.get()).isEqualTo("weights 1");
    assertThat(once.get()).isEqualTo("weights 1");
    assertThat(reads).hasValue(1);
  }

  @Test
  void aFailedReadIsToldToTheAskerAndTriedAgainByTheNext() {
    AtomicInteger reads = new AtomicInteger();
    Supplier<String> once = Once.of(() -> {
      if (reads.incrementAndGet() == 1) {
        throw new IllegalStateException("relevance model x is missing");
      }
      return "weights";
    });
    assertThatThrownBy(once::get).hasMessageContaining("relevance model x is missing");
    assertThat(once.get()).isEqualTo("weights");
  }
}
