// The lookup terminal, at /lookup/: a dossier's progress by its code, and the procedures guide.

import { pageConfig } from '../web-shared/vite-page.js';

export default pageConfig('lookup');
