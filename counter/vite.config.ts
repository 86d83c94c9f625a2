// The clerk's counter page, at /counter/.

import { pageConfig } from '../web-shared/vite-page.js';

export default pageConfig('counter');
