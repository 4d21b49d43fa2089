package dev.lakehouse.logs.analyze;

import java.io.Serializable;

/** An open-addressing set of longs (hashes), without boxing: visitors and duplicate lines are counted by hash. */
final class LongSet implements Serializable {
  private static final long serialVersionUID = 1L;
  // 0 marks an empty slot; the value 0 is kept aside
  private long[] slots = new long[16];
  private int size;
  private boolean hasZero;

  boolean add(long value) {
    if (value == 0) {
      boolean added = !hasZero;
      hasZero = true;
      return added;
    }
    if ((size + 1) * 2 > slots.length) {
      grow();
    }
    int mask = slots.length - 1;
    int i = mix(value) & mask;
    while (slots[i] != 0) {
      if (slots[i] == value) {
        return false;
      }
      i = (i + 1) & mask;
    }
    slots[i] = value;
    size++;
    return true;
  }

  int size() {
    return size + (hasZero ? 1 : 0);
  }

  void addAll(LongSet other) {
    if (other.hasZero) {
      add(0);
    }
    for (long value : other.slots) {
      if (value != 0) {
        add(value);
      }
    }
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    size = 0;
    for (long value : old) {
      if (value != 0) {
        add(value);
      }
    }
  }

  private static int mix(long value) {
    long h = value * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
