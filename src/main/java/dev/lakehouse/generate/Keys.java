package dev.lakehouse.generate;

import java.nio.charset.StandardCharsets;

/** Record keys are the UTF-8 bytes of an id. */
final class Keys {
  private Keys() {}

  static byte[] of(String id) {
    return id.getBytes(StandardCharsets.UTF_8);
  }
}
