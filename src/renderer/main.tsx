import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from './i18n';
import { HomeScreen } from './screens/home/HomeScreen';
import './styles/app.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <HomeScreen />
      </I18nProvider>
    </StrictMode>,
  );
}
