import { mount } from 'svelte';
import { config as zodConfig } from 'zod';
import './ui/app.css';
import App from './ui/App.svelte';
import { requireInlineStyleNonce } from './ui/inlineStyleNonce';

requireInlineStyleNonce();
// zod compiles its parsers with `new Function` where eval is allowed; the page's policy forbids
// eval, and each probe would be reported as a violation.
zodConfig({ jitless: true });

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks #app');
export default mount(App, { target });
