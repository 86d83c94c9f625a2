import { mountPage } from '../../web-shared/mount-page.js';
import './lookup.css';
import { LookupApp } from './lookup-app.js';

mountPage(<LookupApp />);
