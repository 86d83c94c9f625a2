// The manager console, at /manager/.

import { pageConfig } from '../web-shared/vite-page.js';

export default pageConfig('manager');
