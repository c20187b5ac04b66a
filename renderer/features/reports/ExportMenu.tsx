import { useEffect, useRef, useState } from 'react';
import type { MenuCommand } from '../../../core/contract/menu.ts';
import { PAPERS } from '../../../core/report/report-css.ts';
import { mode } from '../../api/api.ts';
import { runCommand } from '../../app/commands.ts';
import { useUi } from '../../stores/ui-store.ts';
import { useWorkspace } from '../../stores/workspace-store.ts';
import { isPortfolio } from '../../../core/portfolio/derive.ts';

/** What the Export menu offers, in the order a person looks for it. */
const ITEMS: { command: MenuCommand; label: string; hint: string }[] = [
  {
    command: 'export:pdf',
    label: mode === 'electron' ? 'Decision report (PDF)…' : 'Decision report (PDF, print)…',
    hint: 'A few pages for the people who decide: recommendation, why, shortlist, charts, assumptions, sources',
  },
  {
    command: 'export:html',
    label: 'Decision report (HTML)',
    hint: 'The same report as one web page',
  },
  { command: 'export:md', label: 'Decision report (Markdown)', hint: 'The same report as text' },
  {
    command: 'export:xlsx',
    label: 'Workbook (XLSX)',
    hint: 'Summary, shortlist, every feasible candidate, assumptions, sources, monthly projection',
  },
  {
    command: 'export:focus',
    label: 'FOCUS rows (CSV)',
    hint: 'Projected spend for FinOps tools (FOCUS 1.2 columns)',
  },
  {
    command: 'export:csv',
    label: 'Comparison, current view (CSV)',
    hint: 'The rows and columns the table shows, with the assumptions',
  },
  {
    command: 'export:comparison-md',
    label: 'Comparison, current view (Markdown)',
    hint: 'The rows and columns the table shows, with the assumptions',
  },
  { command: 'export:charts', label: 'Charts (PNG)', hint: 'Each chart on screen as an image' },
  {
    command: 'scenario:export',
    label: 'Scenario file (JSON)…',
    hint: 'The file the CLI and the app open (Ctrl+Shift+E)',
  },
];

/**
 * On a portfolio (several workloads, or budgets) the report items and FOCUS rows write the
 * portfolio's, as the CLI's `report` does.
 */
const PORTFOLIO_ITEMS: Partial<Record<MenuCommand, { label: string; hint: string }>> = {
  'export:pdf': {
    label: mode === 'electron' ? 'Portfolio report (PDF)…' : 'Portfolio report (PDF, print)…',
    hint: 'The whole plan for finance: totals, spend month by month, each workload, shared pools, budgets, showback, assumptions, sources',
  },
  'export:html': { label: 'Portfolio report (HTML)', hint: 'The same report as one web page' },
  'export:md': { label: 'Portfolio report (Markdown)', hint: 'The same report as text' },
  'export:xlsx': {
    label: 'Portfolio workbook (XLSX)',
    hint: 'Summary, workloads, shared pools, budgets, showback, spend by team and by workload, assumptions, sources',
  },
  'export:focus': {
    label: 'Portfolio FOCUS rows (CSV)',
    hint: "The plan's spend month by month for FinOps tools (FOCUS 1.2 columns): every workload's pick with its team and tags, shared pools split as the showback splits them",
  },
};

/**
 * One menu for every export: the decision report (a portfolio's report for a file of several
 * workloads), the workbook, FOCUS rows, tables, charts.
 */
export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const paper = useUi((s) => s.paper);
  const portfolio = useWorkspace((s) => isPortfolio(s.file));
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (
        e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)
      ) {
        setOpen(false);
      }
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <div className="menu-root" ref={root}>
      <button
        type="button"
        className="btn"
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="export-menu"
        onClick={() => setOpen((o) => !o)}
      >
        Export ▾
      </button>
      {open && (
        <div className="menu" role="menu" aria-label="Export">
          {ITEMS.map((plain) => {
            const item = { ...plain, ...(portfolio ? PORTFOLIO_ITEMS[plain.command] : {}) };
            return (
              <button
                key={item.command}
                type="button"
                role="menuitem"
                className="menu-item"
                title={item.hint}
                data-testid={`menu-export-${item.command.replace(/^[a-z]+:/, '')}`}
                onClick={() => {
                  setOpen(false);
                  runCommand(item.command);
                }}
              >
                {item.label}
              </button>
            );
          })}
          <label className="menu-paper muted">
            Paper{' '}
            <select
              aria-label="Paper"
              value={paper}
              onChange={(e) => useUi.getState().setPaper(e.target.value as (typeof PAPERS)[number])}
            >
              {PAPERS.map((p) => (
                <option key={p} value={p}>
                  {p === 'a4' ? 'A4' : 'Letter'}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
    </div>
  );
}
