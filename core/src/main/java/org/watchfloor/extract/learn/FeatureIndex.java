package org.watchfloor.extract.learn;

/**
 * A model's feature names and their ids (positions): an open-addressing hash table of ints by
 * hand, because a {@code HashMap<String, Integer>} of the type model's 58,000 names costs an
 * entry and a boxed id each, built while a one-article ingest waits.
 */
final class FeatureIndex {

  private final String[] names;
  /** Per slot, the id of the name there plus one; 0: an empty slot. */
  private final int[] slots;
  private final int mask;

  /** @param names the feature names by id, each once */
  FeatureIndex(String[] names) {
    this.names = names.clone();
    int capacity = Integer.highestOneBit(Math.max(2, names.length) * 2 - 1) << 1;
    this.slots = new int[capacity];
    this.mask = capacity - 1;
    for (int id = 0; id < names.length; id++) {
      int at = slot(names[id]);
      if (slots[at] != 0) {
        throw new IllegalArgumentException("feature " + names[id] + " twice");
      }
      slots[at] = id + 1;
    }
  }

  /** The id of {@code name}, or -1 when the model does not know it. */
  int id(String name) {
    return slots[slot(name)] - 1;
  }

  /** The slot that holds {@code name}, or the empty slot where it would go. */
  private int slot(String name) {
    int h = name.hashCode();
    int at = (h ^ (h >>> 16)) & mask;
    while (slots[at] != 0 && !names[slots[at] - 1].equals(name)) {
      at = (at + 1) & mask;
    }
    return at;
  }

  int size() {
    return names.length;
  }

  String name(int id) {
    return names[id];
  }
}
