import { formatNumber } from '../../core/format.ts';
import { useCatalog } from '../stores/catalog-store.ts';
import { useResults } from '../stores/results-store.ts';

export function StatusBar() {
  const stats = useCatalog((s) => s.snapshot?.stats);
  const info = useCatalog((s) => s.info);
  const computeMs = useResults((s) => s.computeMs);
  return (
    <footer className="statusbar">
      {stats && (
        <span data-testid="catalog-stats">
          {formatNumber(stats.apiOfferings)} API offerings · {formatNumber(stats.instances)} GPU
          instances · {stats.models} models · {stats.regions} regions
          {stats.staleRows > 0 ? ` · ${stats.staleRows} stale rows` : ''}
        </span>
      )}
      <span data-testid="compute-ms">evaluated in {computeMs.toFixed(0)} ms</span>
      <span className="spacer" />
      {info && (
        <span title={info.dataDir}>
          {info.mode === 'browser' ? 'Browser mode · ' : ''}offline · v{info.version}
        </span>
      )}
    </footer>
  );
}
