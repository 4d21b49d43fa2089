/**
 * Self-contained HTML reports with charts: {@link dev.lakehouse.report.HtmlReport} puts KPI tiles
 * ({@link dev.lakehouse.report.Kpi}), bar charts ({@link dev.lakehouse.report.BarChart}), line charts
 * ({@link dev.lakehouse.report.LineChart} of {@link dev.lakehouse.report.Series}), tables
 * ({@link dev.lakehouse.report.Table}) and notes into one HTML file with inline CSS and inline SVG: no script, no
 * font or anything else fetched, so it renders opened from disk with no network, in a headless browser, and in
 * print.
 *
 * <p>Pure JDK, no Spark: callers aggregate first and pass plain lists. Missing values (null, NaN, infinite) are
 * skipped, a chart with nothing to draw says "No data", value axes include zero and tick at round numbers.
 * What tests and scripts can rely on in the markup:
 *
 * <table>
 *   <caption>Data attributes</caption>
 *   <tr><th>element</th><th>attributes</th></tr>
 *   <tr><td>KPI tile {@code <div>}</td><td>{@code data-kpi} (slug of the label), {@code data-value}</td></tr>
 *   <tr><td>chart {@code <svg>}</td><td>{@code data-chart} (the id); {@code data-empty="true"} when it has no
 *       data</td></tr>
 *   <tr><td>bar {@code <rect>}</td><td>{@code data-label}, {@code data-value}; a {@code <title>} tooltip</td></tr>
 *   <tr><td>line {@code <path>}</td><td>{@code data-series} (the series name)</td></tr>
 *   <tr><td>marker {@code <circle>}</td><td>{@code data-marker-index}, {@code data-label}, {@code data-value}
 *       (absent when the value is missing)</td></tr>
 *   <tr><td>{@code <table>}</td><td>{@code data-table} (the id); number cells carry {@code data-value}</td></tr>
 * </table>
 *
 * Every {@code data-value} is the exact number: no separators or exponent ({@code 1000000}, {@code -2.5}). Each
 * {@code <svg>...</svg>} is well-formed XML.
 */
package dev.lakehouse.report;
