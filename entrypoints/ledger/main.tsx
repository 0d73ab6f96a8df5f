import { render } from 'preact';
import LedgerPage from '@/components/ui/ledger/LedgerPage';
import { SourcemarkDB } from '@/storage/db/db';
import '@/components/ui/popup/theme.css';
import './style.css';

render(<LedgerPage db={new SourcemarkDB()} browserLanguage={navigator.language} />, document.getElementById('app')!);
