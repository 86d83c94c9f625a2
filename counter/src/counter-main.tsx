import { mountPage } from '../../web-shared/mount-page.js';
import './counter.css';
import { CounterApp } from './counter-app.js';

mountPage(<CounterApp />);
