import { mountPage } from '../../web-shared/mount-page.js';
import './boards.css';
import { BoardsApp } from './boards-app.js';

mountPage(<BoardsApp />);
