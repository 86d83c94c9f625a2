import { render } from 'preact';
import '../../hardware/fonts/luot-fonts.css';
import './boards.css';
import { BoardsApp } from './boards-app.js';

render(<BoardsApp />, document.getElementById('app')!);
