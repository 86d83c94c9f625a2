import { mountPage } from '../../web-shared/mount-page.js';
import './manager.css';
import { ManagerApp } from './manager-app.js';

mountPage(<ManagerApp />);
