import { render } from 'preact';
import '../../hardware/fonts/luot-fonts.css';
import './counter.css';
import { CounterApp } from './counter-app.js';

render(<CounterApp />, document.getElementById('app')!);
