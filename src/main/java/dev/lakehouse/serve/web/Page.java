package dev.lakehouse.serve.web;

import java.util.Arrays;
import java.util.Optional;

/** The dashboard's pages, one per area; {@link #slug} is the page's path and its name in the API. */
enum Page {
  COMMERCE("commerce", "Commerce"),
  LOGS("logs", "Logs"),
  FINANCE("finance", "Finance"),
  OPERATIONS("operations", "Operations");

  final String slug;
  final String title;

  Page(String slug, String title) {
    this.slug = slug;
    this.title = title;
  }

  static Optional<Page> of(String slug) {
    return Arrays.stream(values()).filter(p -> p.slug.equals(slug)).findFirst();
  }
}
