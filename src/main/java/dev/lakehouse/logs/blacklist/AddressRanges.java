package dev.lakehouse.logs.blacklist;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A set of address ranges merged into sorted, disjoint intervals, so a lookup is one binary search.
 * Immutable and serializable: a Spark function carries one to the executors.
 */
public final class AddressRanges implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String[] starts;
  private final String[] ends;

  private AddressRanges(String[] starts, String[] ends) {
    this.starts = starts;
    this.ends = ends;
  }

  public static AddressRanges of(List<IpRange> ranges) {
    List<IpRange> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparing(IpRange::start));
    List<String> starts = new ArrayList<>();
    List<String> ends = new ArrayList<>();
    for (IpRange range : sorted) {
      int last = ends.size() - 1;
      if (last >= 0 && range.start().compareTo(ends.get(last)) <= 0) {
        if (range.end().compareTo(ends.get(last)) > 0) {
          ends.set(last, range.end());
        }
      } else {
        starts.add(range.start());
        ends.add(range.end());
      }
    }
    return new AddressRanges(starts.toArray(String[]::new), ends.toArray(String[]::new));
  }

  public boolean isEmpty() {
    return starts.length == 0;
  }

  /** Whether the address falls in one of the ranges; false for null or a non-address. */
  public boolean contains(String address) {
    String key = IpRange.key(address);
    if (key == null) {
      return false;
    }
    int low = 0;
    int high = starts.length - 1;
    // the last interval starting at or before key is the only one that can hold it
    int candidate = -1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (starts[mid].compareTo(key) <= 0) {
        candidate = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return candidate >= 0 && key.compareTo(ends[candidate]) <= 0;
  }
}
