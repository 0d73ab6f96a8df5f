import { render } from 'preact';
import '@/components/popup/theme.css';
import { SourcemarkDB } from '@/storage/db';
import App from './App';
import './style.css';

render(<App db={new SourcemarkDB()} />, document.getElementById('app')!);
