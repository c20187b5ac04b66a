import { startFirstCalls } from './api/first-calls.ts';
import './styles/app.css';

// The entry is small, so it runs as soon as it arrives: it has the app's code fetched and, while
// that downloads and parses, the catalog built on the other side (the first screen waits for both).
void import('./app/start.tsx');
startFirstCalls(window.modelwise);
