// The hall's screens: the waiting-room display (index.html, at /display/) and the simulator
// of keypads and LED boards (boards.html, at /boards).

import { pageConfig } from '../web-shared/vite-page.js';

export default pageConfig('display');
