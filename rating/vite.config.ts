// The rating tablet at a counter, at /rating/: the citizen rates the service just finished.

import { pageConfig } from '../web-shared/vite-page.js';

export default pageConfig('rating');
