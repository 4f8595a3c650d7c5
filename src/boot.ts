/**
 * The page's first, smallest script (its own entry, put in index.html by the build, see
 * bootEntry() in vite.config.ts): for a link that starts a game (`?play=<scenario id>`), it
 * requests that scenario's chunk at once, while the main entry is still downloading —
 * the main entry would ask only once it has run. It reads one parameter and acts only on
 * a scenario the build shipped (an own key of the catalog's loaders); everything else —
 * checking the whole link, starting the game — is main.ts's (src/ui/urlParams.ts). The
 * main entry's request for the same chunk gets the same module.
 */
import { loaders } from 'virtual:scenario-catalog';

const id = new URLSearchParams(location.search).get('play');
const loader = id !== null && Object.hasOwn(loaders, id) ? loaders[id] : undefined;
if (typeof loader === 'function') loader().catch(() => null);
