// First: zod must be jitless before any schema exists (shared/zod-jitless.ts).
import '../shared/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { LockGate } from './features/lock/LockGate';
import { registerBriefingSearch } from './features/briefings/search-source';
import { registerPaperSearch } from './papers/search-source';
import { registerOfflineSupport } from './platform/platform';
import './styles.css';

registerOfflineSupport();
registerBriefingSearch();
registerPaperSearch();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LockGate>
      <App />
    </LockGate>
  </StrictMode>,
);
