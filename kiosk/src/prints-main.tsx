import { render } from 'preact';
import '../../hardware/fonts/luot-fonts.css';
import './prints.css';
import { PrintsApp } from './prints-app.js';

render(<PrintsApp />, document.getElementById('app')!);
