import { render } from 'preact';
import '../../hardware/fonts/luot-fonts.css';
import './kiosk.css';
import { KioskApp } from './kiosk-app.js';

render(<KioskApp />, document.getElementById('app')!);
