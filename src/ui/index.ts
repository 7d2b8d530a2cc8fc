/** The app's screens: the shell and the provider that hands it the store. */
export { App } from './shell/App.tsx';
export { LabProvider } from './shell/store-context.tsx';
