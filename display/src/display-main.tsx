import { mountPage } from '../../web-shared/mount-page.js';
import './display.css';
import { DisplayApp } from './display-app.js';

mountPage(<DisplayApp />);
