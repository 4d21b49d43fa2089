package dev.lakehouse.generate;

import java.util.SplittableRandom;

final class Shuffle {
  private Shuffle() {}

  /** 0 .. size-1 in a random order (Fisher-Yates). */
  static int[] permutation(int size, SplittableRandom random) {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    for (int i = size - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }
}
