// The dossier desk, at /desk/.

import { pageConfig } from '../web-shared/vite-page.js';

export default pageConfig('desk');
