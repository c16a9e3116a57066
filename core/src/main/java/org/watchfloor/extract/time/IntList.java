package org.watchfloor.extract.time;

import java.util.Arrays;

/** A growable list of ints, so that offsets found per text are not boxed one by one. */
final class IntList {
  private int[] a = new int[16];
  private int n;

  void add(int x) {
    if (n == a.length) {
      a = Arrays.copyOf(a, n * 2);
    }
    a[n++] = x;
  }

  void add(int x, int y) {
    add(x);
    add(y);
  }

  int[] toArray() {
    return Arrays.copyOf(a, n);
  }
}
