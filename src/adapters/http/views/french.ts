export { say, t } from '../lang.js';
