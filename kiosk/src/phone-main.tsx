import { mountPage } from '../../web-shared/mount-page.js';
import './phone.css';
import { PhoneApp } from './phone-app.js';

mountPage(<PhoneApp />);
