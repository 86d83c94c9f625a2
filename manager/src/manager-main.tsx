import { mountPage } from '../../web-shared/mount-page.js';
import '../../web-shared/staff-page.css';
import './manager.css';
import { ManagerApp } from './manager-app.js';

mountPage(<ManagerApp />);
