/** Commands the main process pushes to the page from its native menus (no zod: the preload bundles it). */
export const MENU_COMMANDS = [
  'scenario:new',
  'scenario:open',
  'scenario:save',
  'scenario:save-as',
  'scenario:export',
  'catalog:import',
  'catalog:export',
  'edit:undo',
  'edit:redo',
  'view:toggle-theme',
  'view:compare',
  'view:scenarios',
  'view:catalog',
  'view:presenter',
  'view:large-text',
  'workshop:snapshot',
  'help:shortcuts',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const MENU_CHANNEL = 'menu:command';
