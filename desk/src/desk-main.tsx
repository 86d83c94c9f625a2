import { mountPage } from '../../web-shared/mount-page.js';
import '../../web-shared/staff-page.css';
import './desk.css';
import { DeskApp } from './desk-app.js';

mountPage(<DeskApp />);
