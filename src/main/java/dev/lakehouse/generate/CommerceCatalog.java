package dev.lakehouse.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The shop's products and users as the generator of a seed knows them, for loading the commerce
 * dimensions: the same world (catalogue first, users second) that {@link DataGenerator} builds, so
 * generated events and orders name exactly these ids.
 */
public final class CommerceCatalog {
  /** A product of the catalogue. */
  public record Product(String productId, String category, String brand, long listPriceCents) {}

  /** A user of the shop. */
  public record User(String userId, String userAgent, boolean isBot) {}

  // four brands per category, in the order of Catalog.CATEGORIES
  private static final String[][] BRANDS = {
      {"Voltra", "Nexon", "Quanta", "Lumio"}, {"Inkwell", "Paperlane", "Folio", "Brightpage"},
      {"Threadly", "Noma", "Avelle", "Urbanfit"}, {"Hearth", "Casa Nova", "Dwell", "Nestwork"},
      {"Greenroot", "Terra", "Bloomfield", "Sprout"}, {"Playbox", "Tinkerly", "Kiddo", "Brickworks"},
      {"Stride", "Peakform", "Velox", "Corefit"}, {"Glow", "Purelle", "Velvet", "Aura"},
      {"Harvest", "Daily Fresh", "Pantry", "Orchard"}, {"Motorline", "Gearhead", "Roadway", "Torque"}};

  private final List<Product> products;
  private final List<User> users;

  private CommerceCatalog(List<Product> products, List<User> users) {
    this.products = List.copyOf(products);
    this.users = List.copyOf(users);
  }

  /** The catalogue and users of {@code seed} (as {@code generate --seed}). */
  public static CommerceCatalog of(long seed) {
    SplittableRandom world = new SplittableRandom(seed);
    Catalog catalog = new Catalog(world.split());
    Users shopUsers = new Users(world.split());
    List<Product> products = new ArrayList<>();
    for (int p = 0; p < Catalog.PRODUCTS; p++) {
      String category = catalog.category(p);
      products.add(new Product(catalog.id(p), category, brand(catalog.id(p), category), catalog.priceCents(p)));
    }
    List<User> users = new ArrayList<>();
    for (int u = 0; u < Users.USERS; u++) {
      users.add(new User(shopUsers.id(u), shopUsers.agent(u), shopUsers.isBot(u)));
    }
    return new CommerceCatalog(products, users);
  }

  public List<Product> products() {
    return products;
  }

  public List<User> users() {
    return users;
  }

  // the brand follows from the id, so it stays the same across days and seeds
  private static String brand(String productId, String category) {
    int c = java.util.Arrays.asList(Catalog.CATEGORIES).indexOf(category);
    String[] brands = BRANDS[c];
    return brands[Math.floorMod(productId.hashCode(), brands.length)];
  }
}
