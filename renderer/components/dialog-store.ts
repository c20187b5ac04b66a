import { create } from 'zustand';

/** A button of a question: its answer key and how it looks. */
export interface DialogChoice {
  key: string;
  label: string;
  /** The answer Enter gives. */
  primary?: boolean;
  danger?: boolean;
}

/** A question the app asks in its own dialog (Electron has no window.prompt). */
export interface DialogQuestion {
  title: string;
  message?: string;
  /** A text to type (a name), prefilled. */
  input?: { label: string; value: string };
  choices: readonly DialogChoice[];
}

export interface DialogAnswer {
  choice: string;
  /** What was typed (trimmed), or '' with no input. */
  text: string;
}

interface Pending extends DialogQuestion {
  resolve: (answer: DialogAnswer | null) => void;
}

export const useDialog = create<{ pending: Pending | null }>()(() => ({ pending: null }));

/**
 * Asks a question; resolves with the choice (and typed text), or null when dismissed (Escape,
 * Cancel). A question asked while another is open dismisses the first.
 */
export function ask(question: DialogQuestion): Promise<DialogAnswer | null> {
  useDialog.getState().pending?.resolve(null);
  return new Promise((resolve) => {
    useDialog.setState({
      pending: {
        ...question,
        resolve: (answer) => {
          useDialog.setState({ pending: null });
          resolve(answer);
        },
      },
    });
  });
}
