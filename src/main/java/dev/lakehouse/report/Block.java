package dev.lakehouse.report;

/** One thing a report section shows, in the order it was added. */
sealed interface Block permits KpiRow, BarChart, LineChart, Table, Note {}
