package dev.lakehouse.generate;

import java.util.Arrays;

/** One user's visit: a run of events that ends after its planned length or 30 minutes of quiet. */
final class Session {
  static final long INACTIVITY_GAP_MS = 30 * Diurnal.MINUTE_MS;
  private static final int MAX_CART = 8;

  final String id;
  final int user;
  final boolean isBot;
  private int remainingEvents;
  private long lastAtMs;
  private int lastProduct = -1;
  private final int[] cart = new int[MAX_CART];
  private int cartSize;

  Session(String id, int user, boolean isBot, int plannedEvents, long startMs) {
    this.id = id;
    this.user = user;
    this.isBot = isBot;
    this.remainingEvents = plannedEvents;
    this.lastAtMs = startMs;
  }

  boolean isOverAt(long atMs) {
    return remainingEvents <= 0 || atMs - lastAtMs > INACTIVITY_GAP_MS;
  }

  void recordEventAt(long atMs) {
    remainingEvents--;
    lastAtMs = atMs;
  }

  boolean hasSeenProduct() {
    return lastProduct >= 0;
  }

  int lastProduct() {
    return lastProduct;
  }

  void see(int product) {
    lastProduct = product;
  }

  boolean hasCart() {
    return cartSize > 0;
  }

  void addToCart(int product) {
    if (cartSize < MAX_CART) {
      cart[cartSize++] = product;
    }
  }

  /** Empties the cart and returns what was in it. */
  int[] checkOut() {
    int[] bought = Arrays.copyOf(cart, cartSize);
    cartSize = 0;
    return bought;
  }
}
