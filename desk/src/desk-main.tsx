import { mountPage } from '../../web-shared/mount-page.js';
import './desk.css';
import { DeskApp } from './desk-app.js';

mountPage(<DeskApp />);
