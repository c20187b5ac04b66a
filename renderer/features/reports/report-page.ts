/**
 * The script of a standalone HTML report (the CLI's HTML and PDF): draws the report's charts with
 * the app's chart code from the data embedded in the page, then marks the page ready to print.
 */
import { CHART_DATA_ID } from '../../../core/report/render-html.ts';
import type { ReportChart } from '../../../core/report/report-model.ts';
import { drawReportCharts } from './report-charts.ts';

const data = document.getElementById(CHART_DATA_ID)?.textContent ?? '{}';
drawReportCharts(document, JSON.parse(data) as Record<string, ReportChart>);
document.documentElement.dataset.charts = 'ready';
