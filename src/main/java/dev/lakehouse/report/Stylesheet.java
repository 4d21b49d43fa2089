package dev.lakehouse.report;

/** The report's only CSS: system fonts, nothing fetched, colours kept in print, figures not split across pages. */
final class Stylesheet {
  static final String CSS = """
      * { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      body {
        margin: 0 auto; max-width: 62rem; padding: 1.5rem 1rem 3rem; color: #1f2937; background: #fff;
        font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      }
      header { border-bottom: 2px solid #1f2937; margin-bottom: 1.25rem; }
      h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
      .subtitle { color: #6b7280; margin: 0 0 .75rem; }
      h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid #e5e7eb; }
      figure { margin: 0 0 1.75rem; break-inside: avoid; page-break-inside: avoid; }
      figcaption { font-weight: 600; margin-bottom: .4rem; }
      svg.chart { display: block; width: 100%; height: auto; overflow: visible; }
      .kpis {
        display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: .75rem;
        margin-bottom: 1.5rem;
      }
      .kpi { border: 1px solid #e5e7eb; border-radius: 6px; padding: .6rem .8rem; background: #f9fafb; }
      .kpi-value { font-size: 1.4rem; font-weight: 650; font-variant-numeric: tabular-nums; white-space: nowrap; }
      .kpi-unit { font-size: .85rem; font-weight: 400; color: #6b7280; }
      .kpi-label { font-size: .85rem; color: #4b5563; }
      .table-wrap { overflow-x: auto; }
      table { border-collapse: collapse; width: 100%; font-size: .9rem; }
      th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #e5e7eb; }
      td { overflow-wrap: anywhere; }
      th { font-weight: 600; border-bottom: 2px solid #d1d5db; }
      .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      tbody tr:nth-child(even) { background: #f9fafb; }
      .empty { color: #6b7280; font-style: italic; }
      .note { color: #374151; }
      @page { margin: 14mm; }
      @media print {
        body { max-width: none; padding: 0; font-size: 10pt; }
        h2 { break-after: avoid; page-break-after: avoid; }
        thead { display: table-header-group; }
        tr, .kpi { break-inside: avoid; page-break-inside: avoid; }
        .table-wrap { overflow: visible; }
      }
      """;

  private Stylesheet() {}
}
