import { useVirtualizer } from '@tanstack/react-virtual';
import {
  columnVisibilityFeature,
  flexRender,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnVisibilityState,
  type RowData,
} from '@tanstack/react-table';
import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

export const tableFeatureSet = tableFeatures({ columnVisibilityFeature });
export type Features = typeof tableFeatureSet;

/** Column widths are given in px at the app's 14 px text and drawn in rem: they grow with the text. */
const BASE_TEXT_PX = 14;
const NO_WIDTHS: Record<string, number> = {};

/** A column: its header and width for TanStack Table, and how to draw a cell from a row. */
export interface Column<T> {
  id: string;
  header: string;
  /** Width in px at 14 px text (it scales with the text size); a column widens to fit its cells. */
  size?: number;
  align?: 'left' | 'right';
  render: (row: T) => ReactNode;
}

export interface VirtualTableProps<T extends RowData> {
  columns: readonly Column<T>[];
  /** Rows in display order; only the visible window is asked for. */
  rowCount: number;
  rowAt: (position: number) => T;
  rowKey: (row: T) => string;
  rowHeight?: number;
  height: number | string;
  columnVisibility?: ColumnVisibilityState;
  sort?: { id: string; desc: boolean };
  onSort?: (columnId: string) => void;
  onRowClick?: (row: T) => void;
  rowClassName?: (row: T) => string;
  empty?: ReactNode;
  testId?: string;
}

interface RowProps<T> {
  row: T;
  rowKey: string;
  top: number;
  height: number;
  template: string;
  columns: readonly Column<T>[];
  className: string;
  onClick?: ((row: T) => void) | undefined;
}

/** One row; re-renders only when its row, position, columns or class change (scrolling moves few). */
const VirtualRow = memo(function VirtualRow<T>(p: RowProps<T>) {
  return (
    <div
      role="row"
      tabIndex={0}
      data-row-key={p.rowKey}
      className={`vtable-row ${p.className}`}
      style={{
        gridTemplateColumns: p.template,
        height: p.height,
        transform: `translateY(${p.top}px)`,
      }}
      onClick={() => p.onClick?.(p.row)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') p.onClick?.(p.row);
      }}
    >
      {p.columns.map((c) => (
        <div
          key={c.id}
          role="cell"
          data-column={c.id}
          className={c.align === 'right' ? 'num' : undefined}
        >
          {c.render(p.row)}
        </div>
      ))}
    </div>
  );
}) as <T>(p: RowProps<T>) => ReactNode;

/**
 * A table that stays smooth at tens of thousands of rows: TanStack Table owns the columns, their
 * headers and visibility; only the rows in view are built and drawn (TanStack Virtual), each a
 * memoized row. Sorting and filtering happen upstream on plain arrays.
 */
function VirtualTableOf<T extends RowData>(props: VirtualTableProps<T>) {
  const rowHeight = props.rowHeight ?? 34;
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns fresh functions each render, which the React compiler cannot memoize;
  // this component is not compiled, so the warning does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: props.rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    // The box's height when it is given in px: the first render already shows the rows that fit,
    // and measuring the box does not render the table again (a second render of the first screen).
    ...(typeof props.height === 'number'
      ? { initialRect: { width: 0, height: props.height } }
      : {}),
  });
  const defs = useMemo<ColumnDef<Features, T>[]>(
    () => props.columns.map((c) => ({ id: c.id, header: c.header, size: c.size ?? 120 })),
    [props.columns],
  );
  const table = useTable({
    features: tableFeatureSet,
    columns: defs,
    data: [] as T[],
    state: { columnVisibility: props.columnVisibility ?? {} },
  });
  const visibleIds = table.getVisibleLeafColumns().map((c) => c.id);
  const visibleKey = visibleIds.join('|');
  const visible = useMemo(
    () => props.columns.filter((c) => visibleKey.split('|').includes(c.id)),
    [props.columns, visibleKey],
  );
  // Widths (rem) columns grew to so that no cell shown is cut: they never shrink back while the
  // columns stay the same, so rows do not jump as a slider moves.
  const [grown, setGrown] = useState<{ key: string; rem: Record<string, number> }>({
    key: '',
    rem: {},
  });
  const widths = grown.key === visibleKey ? grown.rem : NO_WIDTHS;
  const firstShown = virtualizer.getVirtualItems()[0]?.index ?? 0;
  const template = visible
    .map((c) => `${Math.max((c.size ?? 120) / BASE_TEXT_PX, widths[c.id] ?? 0)}rem`)
    .join(' ');
  useEffect(() => {
    // Measured after the frame is drawn, when layout is clean and reading it costs nothing: in
    // the commit it would force a layout of the whole page on every slider step. A column that
    // must grow does so one frame later.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        const root = scrollRef.current;
        if (root === null) return;
        const remPx =
          parseFloat(getComputedStyle(document.documentElement).fontSize) || BASE_TEXT_PX;
        let wider: Record<string, number> | null = null;
        for (const cell of root.querySelectorAll<HTMLElement>('[data-column]')) {
          if (cell.scrollWidth <= cell.clientWidth) continue;
          const id = cell.dataset.column as string;
          // A little room so sub-pixel text never clips.
          const rem = (cell.scrollWidth + 2) / remPx;
          if (rem > (wider?.[id] ?? widths[id] ?? 0)) wider = { ...(wider ?? widths), [id]: rem };
        }
        if (wider !== null) setGrown({ key: visibleKey, rem: wider });
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
    // Measured whenever the cells shown may have changed: other rows, new values, other columns.
  }, [visibleKey, widths, props.rowAt, props.rowCount, template, firstShown]);
  const byId = new Map(props.columns.map((c) => [c.id, c]));
  return (
    <div
      ref={scrollRef}
      className="vtable"
      style={{ height: props.height }}
      data-testid={props.testId}
      role="table"
      aria-rowcount={props.rowCount}
    >
      <div className="vtable-head" style={{ gridTemplateColumns: template }} role="row">
        {table.getHeaderGroups()[0]?.headers.map((header) => {
          const col = byId.get(header.column.id);
          const sorted = props.sort?.id === header.column.id ? (props.sort.desc ? ' ▼' : ' ▲') : '';
          return (
            <div
              key={header.id}
              role="columnheader"
              data-column={header.column.id}
              tabIndex={props.onSort ? 0 : -1}
              aria-sort={sorted === '' ? 'none' : props.sort?.desc ? 'descending' : 'ascending'}
              className={col?.align === 'right' ? 'num' : undefined}
              onClick={() => props.onSort?.(header.column.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  props.onSort?.(header.column.id);
                }
              }}
            >
              {flexRender(header.column.columnDef.header, header.getContext())}
              {sorted}
            </div>
          );
        })}
      </div>
      {props.rowCount === 0 && <div className="empty">{props.empty ?? 'Nothing to show'}</div>}
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = props.rowAt(item.index);
          const key = props.rowKey(row);
          return (
            <VirtualRow<T>
              key={key}
              row={row}
              rowKey={key}
              top={item.start}
              height={rowHeight}
              template={template}
              columns={visible}
              className={props.rowClassName?.(row) ?? ''}
              onClick={props.onRowClick}
            />
          );
        })}
      </div>
    </div>
  );
}

/**
 * Memoized: a table held out of sight (its props the same functions and values) is not laid out
 * again when the page around it re-renders at a slider step.
 */
export const VirtualTable = memo(VirtualTableOf) as typeof VirtualTableOf;
