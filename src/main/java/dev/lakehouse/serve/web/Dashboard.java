package dev.lakehouse.serve.web;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.serve.ServeAccess;
import dev.lakehouse.serve.ServeComponent;

/** The web dashboard and its JSON API (placeholder until it is built). */
public final class Dashboard implements ServeComponent {
  private final int port;

  public Dashboard(int port) {
    this.port = port;
  }

  @Override
  public String name() {
    return "dashboard";
  }

  @Override
  public String start(Lakehouse lakehouse, ServeAccess access) {
    throw new UnsupportedOperationException("Cannot start the dashboard on port " + port + ": not built yet");
  }

  @Override
  public void close() {}
}
