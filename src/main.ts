import './ui/zodWithoutEval';
import { mount } from 'svelte';
import './ui/app.css';
import App from './ui/App.svelte';
import { requireInlineStyleNonce } from './ui/inlineStyleNonce';

requireInlineStyleNonce();

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks #app');
export default mount(App, { target });
