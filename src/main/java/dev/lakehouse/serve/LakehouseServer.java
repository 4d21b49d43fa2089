package dev.lakehouse.serve;

import dev.lakehouse.Lakehouse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The components of one `serve` process over one warm lakehouse: started in order, stopped in reverse. */
public final class LakehouseServer implements AutoCloseable {
  private final Lakehouse lakehouse;
  private final ServeAccess access;
  private final List<ServeComponent> components;
  private final List<ServeComponent> started = new ArrayList<>();
  private final Map<String, String> addresses = new LinkedHashMap<>();

  public LakehouseServer(Lakehouse lakehouse, ServeAccess access, List<ServeComponent> components) {
    this.lakehouse = lakehouse;
    this.access = access;
    this.components = List.copyOf(components);
  }

  /** Starts every component; if one fails, stops those already started and rethrows. */
  public Map<String, String> start() {
    try {
      for (ServeComponent component : components) {
        addresses.put(component.name(), component.start(lakehouse, access));
        started.add(component);
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    return Map.copyOf(addresses);
  }

  /** Component name -> the address its clients use, in start order. */
  public Map<String, String> addresses() {
    return new LinkedHashMap<>(addresses);
  }

  public Lakehouse lakehouse() {
    return lakehouse;
  }

  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).close();
    }
    started.clear();
  }
}
