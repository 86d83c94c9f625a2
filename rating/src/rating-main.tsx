import { mountPage } from '../../web-shared/mount-page.js';
import './rating.css';
import { RatingApp } from './rating-app.js';

mountPage(<RatingApp />);
