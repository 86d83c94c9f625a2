import { render } from 'preact';
import '../../hardware/fonts/luot-fonts.css';
import './phone.css';
import { PhoneApp } from './phone-app.js';

render(<PhoneApp />, document.getElementById('app')!);
