package dev.lakehouse.generate;

/** A checkout seen in the clickstream, waiting to appear as order lines. */
record PendingOrder(int user, int[] products) {}
