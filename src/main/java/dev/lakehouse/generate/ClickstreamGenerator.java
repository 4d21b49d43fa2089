package dev.lakehouse.generate;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.SplittableRandom;

/**
 * User behaviour on the shop, the value of {@code commerce.events}: sessions of views, some clicks,
 * fewer add-to-carts and few purchases (about 70/20/7/3). A purchase checks out the cart and queues
 * an order for {@link OrderGenerator}; crawlers only view.
 */
final class ClickstreamGenerator {
  private static final String[] EVENT_TYPES = {"view", "click", "cart", "purchase"};
  private static final int VIEW = 0;
  private static final int CLICK = 1;
  private static final int CART = 2;
  private static final int PURCHASE = 3;
  // with something in the cart, a quarter of next steps are the purchase: overall about 70/20/7/3
  private static final WeightedChoice BROWSING = WeightedChoice.of(0.70, 0.22, 0.08, 0);
  private static final WeightedChoice HOLDING_CART = WeightedChoice.of(0.48, 0.18, 0.09, 0.25);
  private static final int MAX_PENDING_ORDERS = 1000;

  private final Catalog catalog;
  private final Users users;
  private final SessionPool sessions;
  private final SplittableRandom random;
  private final Ids eventIds;
  private final JsonWriter json;
  private final Queue<PendingOrder> checkouts = new ArrayDeque<>();

  ClickstreamGenerator(Catalog catalog, Users users, SplittableRandom random, TimeFormats time, long eventsPerDay) {
    this.catalog = catalog;
    this.users = users;
    this.random = random;
    this.sessions = new SessionPool(eventsPerDay, users, new Ids("s-", random));
    this.eventIds = new Ids("evt-", random);
    this.json = new JsonWriter(time);
  }

  /** Checkouts not yet turned into orders, oldest first. */
  Queue<PendingOrder> checkouts() {
    return checkouts;
  }

  GeneratedRecord event(long atMs) {
    Session session = sessions.sessionAt(atMs, random);
    int type = nextType(session);
    int product = productFor(session, type);
    session.recordEventAt(atMs);
    return record(session, type, product, atMs);
  }

  // a purchase needs something in the cart, and a cart needs a product seen
  private int nextType(Session session) {
    if (session.isBot) {
      return VIEW;
    }
    int type = (session.hasCart() ? HOLDING_CART : BROWSING).pick(random);
    return type == CART && !session.hasSeenProduct() ? VIEW : type;
  }

  private int productFor(Session session, int type) {
    switch (type) {
      case VIEW:
        return viewed(session);
      case CLICK:
        return clicked(session);
      case CART:
        session.addToCart(session.lastProduct());
        return session.lastProduct();
      default:
        return checkOut(session);
    }
  }

  // a view often returns to the product just seen
  private int viewed(Session session) {
    int product = session.hasSeenProduct() && Sampling.chance(random, 0.25)
        ? session.lastProduct()
        : catalog.popularProduct(random);
    session.see(product);
    return product;
  }

  private int clicked(Session session) {
    int product = catalog.popularProduct(random);
    session.see(product);
    return product;
  }

  private int checkOut(Session session) {
    int[] bought = session.checkOut();
    if (checkouts.size() >= MAX_PENDING_ORDERS) {
      checkouts.poll();
    }
    checkouts.add(new PendingOrder(session.user, bought));
    return bought[0];
  }

  private GeneratedRecord record(Session session, int type, int product, long atMs) {
    String userId = users.id(session.user);
    byte[] value = json.begin()
        .field("event_id", eventIds.next())
        .field("event_type", EVENT_TYPES[type])
        .field("user_id", userId)
        .field("session_id", session.id)
        .field("product_id", catalog.id(product))
        .field("category", catalog.category(product))
        .field("page", page(type, product))
        .field("user_agent", users.agent(session.user))
        .instant("event_at", atMs)
        .end();
    return new GeneratedRecord(Topics.COMMERCE_EVENTS, Keys.of(userId), value, atMs);
  }

  // where the event happened: a product is clicked on its category's listing
  private String page(int type, int product) {
    switch (type) {
      case VIEW:
        return "/product/" + catalog.id(product);
      case CLICK:
        return "/category/" + catalog.category(product);
      case CART:
        return "/cart";
      default:
        return "/checkout/confirmation";
    }
  }
}
