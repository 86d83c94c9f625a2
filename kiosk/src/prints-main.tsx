import { mountPage } from '../../web-shared/mount-page.js';
import './prints.css';
import { PrintsApp } from './prints-app.js';

mountPage(<PrintsApp />);
