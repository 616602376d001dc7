// First: configures Zod before any parse (see the module).
import './security/zodWithoutEval';
import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/theme.css';

mount(App, { target: document.getElementById('app') as HTMLElement });
