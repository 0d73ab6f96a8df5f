import { render } from 'preact';
import '@/components/ui/popup/theme.css';
import { SourcemarkDB } from '@/storage/db/db';
import App from './App';
import './style.css';

render(<App db={new SourcemarkDB()} />, document.getElementById('app')!);
