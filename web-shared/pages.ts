// Every front-end the hub serves: its folder (also its address, /<name>/) and its HTML entries.
// Adding a page means adding it here (docs/pages.md); the build, the type check and the
// hub's routes all read this list.

export interface FrontEnd {
  /** The folder at the project's top and the address prefix, e.g. "lookup" → /lookup/. */
  name: string;
  /** HTML files at the folder's top, without ".html"; "index" is the folder's address. */
  entries: string[];
}

export const FRONT_ENDS: FrontEnd[] = [
  { name: 'kiosk', entries: ['index', 'phone', 'prints'] },
  { name: 'display', entries: ['index', 'boards'] },
  { name: 'counter', entries: ['index'] },
  { name: 'desk', entries: ['index'] },
  { name: 'lookup', entries: ['index'] },
  { name: 'rating', entries: ['index'] },
  { name: 'manager', entries: ['index'] },
];
