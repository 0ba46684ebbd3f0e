import { render } from 'preact';
import { App } from './app/App';
import './app/app.css';
import { database } from './storage/db';

// Every screen but capture needs storage at once: start loading Dexie and opening IndexedDB now,
// alongside the screen's own code, instead of after it. Capture defers it past the first keystroke.
if (!['/', '/share'].includes(location.pathname)) void database();

const root = document.getElementById('app');
if (root) render(<App />, root);
