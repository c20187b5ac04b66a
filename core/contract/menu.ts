/** Commands the main process pushes to the page from its native menus (no zod: the preload bundles it). */
export const MENU_COMMANDS = [
  'scenario:new',
  'scenario:open',
  'scenario:save',
  'scenario:export',
  'export:pdf',
  'export:html',
  'export:md',
  'export:xlsx',
  'export:focus',
  'export:csv',
  'export:comparison-md',
  'export:charts',
  'catalog:import',
  'catalog:export',
  'edit:undo',
  'edit:redo',
  'view:toggle-theme',
  'view:compare',
  'view:catalog',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const MENU_CHANNEL = 'menu:command';
