import type { Option } from './candidate-options.ts';
import { toggleIn } from './candidate-options.ts';

/** Multi-select chips where nothing selected means "all". */
export function FilterChips(props: {
  title: string;
  options: readonly Option[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  testId?: string;
}) {
  return (
    <div>
      <div className="row" style={{ justifyContent: 'space-between', marginBottom: 4 }}>
        <span className="muted">{props.title}</span>
        <span className="faint" style={{ fontSize: '0.85em' }}>
          {props.selected.length === 0 ? 'all' : `${props.selected.length} selected`}
          {props.selected.length > 0 && (
            <button
              type="button"
              className="btn small"
              style={{ marginLeft: 6 }}
              onClick={() => props.onChange([])}
            >
              All
            </button>
          )}
        </span>
      </div>
      <div className="chips" data-testid={props.testId}>
        {props.options.map((o) => (
          <button
            key={o.value}
            type="button"
            className="chip"
            title={`${o.count} rows`}
            aria-pressed={props.selected.includes(o.value)}
            onClick={() => props.onChange(toggleIn(props.selected, o.value))}
          >
            {o.label}
          </button>
        ))}
      </div>
    </div>
  );
}
