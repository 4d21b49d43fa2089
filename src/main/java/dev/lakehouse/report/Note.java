package dev.lakehouse.report;

import java.util.Objects;

/** A paragraph of plain text, e.g. how a number was computed or what was left out. */
record Note(String text) implements Block {
  Note {
    Objects.requireNonNull(text, "text");
  }
}
