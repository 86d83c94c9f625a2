import { render } from 'preact';
import './fonts.css';
import './prints.css';
import { PrintsApp } from './prints-app.js';

render(<PrintsApp />, document.getElementById('app')!);
