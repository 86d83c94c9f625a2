import { render } from 'preact';
import './fonts.css';
import './phone.css';
import { PhoneApp } from './phone-app.js';

render(<PhoneApp />, document.getElementById('app')!);
