import { render } from 'preact';
import '../../hardware/fonts/luot-fonts.css';
import './display.css';
import { DisplayApp } from './display-app.js';

render(<DisplayApp />, document.getElementById('app')!);
