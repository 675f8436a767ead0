import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { BootError } from './app/BootError';
import { createServices } from './app/services';
import { loadRuntimeConfig } from './config/runtime-config';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
const root = createRoot(container);

/** The API's address comes from /config.json, so nothing renders before it is read. */
async function boot(): Promise<void> {
  try {
    const config = await loadRuntimeConfig(window.fetch.bind(window), window.location);
    root.render(
      <StrictMode>
        <App services={createServices(config)} />
      </StrictMode>,
    );
  } catch (error) {
    console.error('Plume failed to start', error);
    const message = error instanceof Error ? error.message : String(error);
    root.render(<BootError message={message} onRetry={() => void boot()} />);
  }
}

void boot();
