import { mountPage } from '../../web-shared/mount-page.js';
import '../../web-shared/staff-page.css';
import './counter.css';
import { CounterApp } from './counter-app.js';

mountPage(<CounterApp />);
