package dev.lakehouse.generate;

/** An incident the generator can inject so that detectors downstream have something to find. */
public enum Anomaly {
  /** Orders from 14:00 to 14:10 UTC come three times as often, with about ten times the quantities. */
  REVENUE_SPIKE,
  /** From 16:00 to 16:05 UTC about 30% of web requests fail and checkout logs errors. */
  ERROR_BURST,
  /** One IP probes about 300 non-existent paths within a few minutes around 03:00 UTC. */
  SCANNING_IP,
  /** One card makes about 25 small online payments within 5 minutes around 11:00 UTC. */
  CARD_TESTING
}
