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
import { useMemo, useRef, type ReactNode } from 'react';

export const tableFeatureSet = tableFeatures({ columnVisibilityFeature });
export type Features = typeof tableFeatureSet;
export type Column<T extends RowData> = ColumnDef<Features, T> & {
  id: string;
  size?: number;
  align?: 'left' | 'right';
};

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

/**
 * A table that stays smooth at tens of thousands of rows: TanStack Table owns the columns and
 * their visibility; only the rows in view are built and rendered (TanStack Virtual). Sorting and
 * filtering happen upstream on plain arrays, so the table never holds every row.
 */
export function VirtualTable<T extends RowData>(props: VirtualTableProps<T>) {
  const rowHeight = props.rowHeight ?? 34;
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns fresh functions each render, which the React compiler cannot memoize;
  // this component is not compiled, so the warning does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: props.rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const windowRows = useMemo(() => items.map((item) => props.rowAt(item.index)), [items, props]);
  const table = useTable({
    features: tableFeatureSet,
    columns: props.columns as ColumnDef<Features, T>[],
    data: windowRows,
    getRowId: (row) => props.rowKey(row),
    state: { columnVisibility: props.columnVisibility ?? {} },
  });
  const visible = table.getVisibleLeafColumns();
  const template = visible.map((c) => `${(c.columnDef as Column<T>).size ?? 120}px`).join(' ');
  const rows = table.getRowModel().rows;
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
          const def = header.column.columnDef as Column<T>;
          const sorted = props.sort?.id === header.column.id ? (props.sort.desc ? ' ▼' : ' ▲') : '';
          return (
            <div
              key={header.id}
              role="columnheader"
              tabIndex={props.onSort ? 0 : -1}
              aria-sort={sorted === '' ? 'none' : props.sort?.desc ? 'descending' : 'ascending'}
              className={def.align === 'right' ? 'num' : undefined}
              onClick={() => props.onSort?.(header.column.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  props.onSort?.(header.column.id);
                }
              }}
            >
              {flexRender(def.header, header.getContext())}
              {sorted}
            </div>
          );
        })}
      </div>
      {props.rowCount === 0 && <div className="empty">{props.empty ?? 'Nothing to show'}</div>}
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item, k) => {
          const row = rows[k];
          if (row === undefined) return null;
          return (
            <div
              key={row.id}
              role="row"
              tabIndex={0}
              data-row-key={row.id}
              className={`vtable-row ${props.rowClassName?.(row.original) ?? ''}`}
              style={{
                gridTemplateColumns: template,
                height: rowHeight,
                transform: `translateY(${item.start}px)`,
              }}
              onClick={() => props.onRowClick?.(row.original)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') props.onRowClick?.(row.original);
              }}
            >
              {row.getVisibleCells().map((cell) => {
                const def = cell.column.columnDef as Column<T>;
                return (
                  <div
                    key={cell.id}
                    role="cell"
                    className={def.align === 'right' ? 'num' : undefined}
                  >
                    {flexRender(def.cell, cell.getContext())}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
