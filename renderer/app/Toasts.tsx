import { useUi } from '../stores/ui-store.ts';

export function Toasts() {
  const toasts = useUi((s) => s.toasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div
          key={t.id}
          className={`toast ${t.kind}`}
          role={t.kind === 'error' ? 'alert' : 'status'}
          data-testid={`toast-${t.kind}`}
          onClick={() => useUi.getState().dismiss(t.id)}
        >
          {t.text}
        </div>
      ))}
    </div>
  );
}
