// The kiosk's pages: the touchscreen (index.html), the phone page a ticket's QR code opens
// (phone.html, served at /t/<ticket>) and the simulated printer's list (prints.html, at /prints).

import { pageConfig } from '../web-shared/vite-page.js';

export default pageConfig('kiosk');
