import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './styles/app.css';

const root = document.getElementById('root');
if (root === null) throw new Error('missing #root');
createRoot(root).render(<App />);
