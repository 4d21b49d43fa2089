package dev.lakehouse.report;

import java.util.List;

/** A row of KPI tiles. */
record KpiRow(List<Kpi> kpis) implements Block {
  KpiRow {
    kpis = List.copyOf(kpis);
  }
}
