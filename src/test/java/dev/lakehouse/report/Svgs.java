package dev.lakehouse.report;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Reads rendered markup back in tests: SVG fragments, attributes by regex, XML parsing. */
final class Svgs {
  private static final Pattern SVG = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL);

  private Svgs() {}

  static String of(BarChart chart) {
    Markup out = new Markup();
    BarChartSvg.render(chart, out);
    return out.toString();
  }

  static String of(LineChart chart) {
    Markup out = new Markup();
    LineChartSvg.render(chart, out);
    return out.toString();
  }

  /** Every {@code <svg>...</svg>} in the page, in order. */
  static List<String> fragments(String html) {
    List<String> fragments = new ArrayList<>();
    Matcher matcher = SVG.matcher(html);
    while (matcher.find()) {
      fragments.add(matcher.group());
    }
    return fragments;
  }

  /**
   * The value of {@code attribute} on every {@code <tag>} that has it, in order; {@code tag} may go on with
   * attributes that must come first, e.g. {@code text class="tick"}.
   */
  static List<String> attributes(String markup, String tag, String attribute) {
    Pattern pattern = Pattern.compile(
        "<" + Pattern.quote(tag) + "(?=[\\s/>])[^>]*?\\s" + attribute + "=\"([^\"]*)\"");
    List<String> values = new ArrayList<>();
    Matcher matcher = pattern.matcher(markup);
    while (matcher.find()) {
      values.add(matcher.group(1));
    }
    return values;
  }

  static List<Double> numbers(String markup, String tag, String attribute) {
    return attributes(markup, tag, attribute).stream().map(Double::valueOf).toList();
  }

  /** The texts of {@code <text class="<textClass>">} elements, unescaped only of the five entities. */
  static List<String> texts(String markup, String textClass) {
    Pattern pattern = Pattern.compile("<text class=\"" + textClass + "\"[^>]*>([^<]*)");
    List<String> texts = new ArrayList<>();
    Matcher matcher = pattern.matcher(markup);
    while (matcher.find()) {
      texts.add(matcher.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
          .replace("&#39;", "'").replace("&amp;", "&"));
    }
    return texts;
  }

  /** The tick labels of a chart as numbers. */
  static List<Double> ticks(String svg) {
    return texts(svg, "tick").stream().map(label -> Double.valueOf(label.replace(",", ""))).toList();
  }

  /** Parses with the JDK's XML parser; throws when the markup is not well-formed. */
  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }
}
