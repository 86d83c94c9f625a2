import { mountPage } from '../../web-shared/mount-page.js';
import './kiosk.css';
import { KioskApp } from './kiosk-app.js';

mountPage(<KioskApp />);
