// Starts a page: the bundled Noto Sans (the same font as on paper), then the page's component.

import { render, type ComponentChild } from 'preact';
import '../hardware/fonts/luot-fonts.css';

export function mountPage(app: ComponentChild): void {
  render(app, document.getElementById('app')!);
}
