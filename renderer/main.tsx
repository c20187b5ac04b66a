import { startFirstCalls } from './api/first-calls.ts';
import './styles/app.css';

// The entry is small, so it runs as soon as it arrives: it has the app's code fetched and, while
// that downloads and parses, the catalog built on the other side (the first screen waits for both).
void import('./app/start.tsx');
startFirstCalls(window.modelwise);
// The number formats' module, ahead of the rest: the first format made loads the locale's data
// (50–100 ms here), done while the main thread would otherwise wait for the app's code.
void import('../core/format.ts');
