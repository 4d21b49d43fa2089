package dev.lakehouse.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stacks the configuration layers in their one documented precedence:
 * defaults &lt; profile &lt; LAKEHOUSE_* environment &lt; --conf key=value.
 */
final class ConfigSources {
  static final String DEFAULTS_RESOURCE = "lakehouse-defaults.conf";
  static final String ROOT = "lakehouse";
  static final Set<String> PROFILES = Set.of("local", "cluster");
  /** Keys under it name a file source each (ingest.files.logs.access = /var/log/nginx): not declared one by one. */
  static final String FILES_PREFIX = "ingest.files.";

  private ConfigSources() {}

  static Config defaults() {
    return ConfigFactory.parseResourcesAnySyntax(ConfigSources.class.getClassLoader(), DEFAULTS_RESOURCE)
        .getConfig(ROOT);
  }

  /** Keys (leaf paths) every layer may set, as declared in the defaults. */
  static Set<String> keys(Config defaults) {
    Set<String> keys = new TreeSet<>();
    defaults.entrySet().forEach(entry -> keys.add(entry.getKey()));
    return keys;
  }

  /** The environment variable that sets a key: LAKEHOUSE_ + key upper-cased, '.' and '-' as '_'. */
  static String environmentName(String key) {
    return "LAKEHOUSE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  static Config fromEnvironment(Config defaults, Map<String, String> environment) {
    Map<String, ConfigValue> values = new HashMap<>();
    for (String key : keys(defaults)) {
      String name = environmentName(key);
      if (environment.containsKey(name)) {
        values.put(key, value(defaults, key, environment.get(name), "environment variable " + name));
      }
    }
    // file sources by environment: one variable per default source, e.g. LAKEHOUSE_INGEST_FILES_LOGS_ACCESS
    for (String source : defaults.getStringList("ingest.topics")) {
      String name = environmentName(FILES_PREFIX + source);
      if (environment.containsKey(name)) {
        values.put(FILES_PREFIX + source, ConfigValueFactory.fromAnyRef(environment.get(name), "environment variable " + name));
      }
    }
    return layer(values);
  }

  static Config fromOverrides(Config defaults, List<String> assignments) {
    Set<String> known = keys(defaults);
    Map<String, ConfigValue> values = new HashMap<>();
    for (String assignment : assignments) {
      int eq = assignment.indexOf('=');
      if (eq <= 0) {
        throw new InvalidConfigException(String.format(
            "Invalid --conf '%s': expected key=value, e.g. --conf spark.shuffle-partitions=4", assignment));
      }
      String key = assignment.substring(0, eq).trim();
      String raw = assignment.substring(eq + 1).trim();
      if (key.startsWith(FILES_PREFIX) && key.length() > FILES_PREFIX.length()) {
        values.put(key, ConfigValueFactory.fromAnyRef(raw, "--conf " + key));
        continue;
      }
      if (!known.contains(key)) {
        throw new InvalidConfigException(String.format(
            "Cannot set unknown key '%s' (from --conf): known keys are %s", key, known));
      }
      values.put(key, value(defaults, key, raw, "--conf " + key));
    }
    return layer(values);
  }

  static Config profile(String name, String source) {
    if (!PROFILES.contains(name)) {
      throw InvalidConfigException.of("profile", name, source, "must be one of " + new TreeSet<>(PROFILES));
    }
    Config profile = ConfigFactory.parseResourcesAnySyntax(
        ConfigSources.class.getClassLoader(), "profiles/" + name + ".conf");
    return profile.hasPath(ROOT) ? profile.getConfig(ROOT) : profile;
  }

  private static ConfigValue value(Config defaults, String key, String raw, String origin) {
    Object value = raw;
    if (defaults.getValue(key).valueType() == ConfigValueType.LIST) {
      value = Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
    return ConfigValueFactory.fromAnyRef(value, origin);
  }

  private static Config layer(Map<String, ConfigValue> values) {
    Config config = ConfigFactory.empty();
    for (Map.Entry<String, ConfigValue> entry : values.entrySet()) {
      config = config.withValue(entry.getKey(), entry.getValue());
    }
    return config;
  }
}
