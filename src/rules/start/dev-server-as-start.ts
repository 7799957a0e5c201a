// A development server (runserver, flask run, nodemon, --reload, npm run dev…) as the start command.
import { developmentImage } from '../../model/dev-image.js';
import type { StaticRule } from '../types.js';
import { packageScriptWords } from '../../model/package-scripts.js';
import { mainProgram } from '../../model/start-chain.js';
import { appWhere, baseName, programName, showText, withoutPythonModule } from './format.js';

export interface DevServer {
  /** What it is, for the message. */
  what: string;
  /** The production replacement. */
  instead: string;
}

const DEV_SCRIPTS = new Set(['dev', 'develop', 'start:dev', 'serve:dev', 'watch']);

/** Recognise a development server from the words of the start command. */
export function devServer(input: string[]): DevServer | undefined {
  let words = input;
  // `npx nodemon`, `pnpm exec nodemon`, `npm exec -- nodemon`.
  if (/^(npx|pnpx)$/.test(baseName(words[0] ?? ''))) words = words.slice(1).filter((w) => !w.startsWith('-'));
  words = withoutPythonModule(words);
  const prog = programName(words[0] ?? '');
  const rest = words.slice(1);
  const sub = rest.find((w) => !w.startsWith('-'));
  if (rest.includes('runserver') && (prog === 'manage.py' || prog === 'django-admin' || (prog === 'python' && baseName(rest[0] ?? '') === 'manage.py')))
    return { what: "Django's development server (`runserver`), which Django's docs say not to use in production", instead: '`CMD ["gunicorn", "mysite.wsgi", "--bind", "0.0.0.0:8000"]`' };
  if (prog === 'flask' && sub === 'run')
    return { what: "Flask's Werkzeug development server (`flask run`), which is not built for production traffic", instead: '`CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]`' };
  if (prog === 'nodemon' || prog === 'ts-node-dev' || (prog === 'node' && rest.includes('--watch')) || ((prog === 'tsx' || prog === 'ts-node') && sub === 'watch'))
    return { what: 'a file watcher that restarts the app on changes and sits between PID 1 and it', instead: '`CMD ["node", "server.js"]`' };
  if (/^(uvicorn|gunicorn|hypercorn)$/.test(prog) && rest.some((w) => w === '--reload' || w.startsWith('--reload=')))
    return { what: `\`${prog} --reload\`, which watches files and restarts the app through a reloader process`, instead: `the same \`${prog}\` command without \`--reload\`` };
  if (prog === 'fastapi' && sub === 'dev') return { what: '`fastapi dev`, the auto-reloading development server', instead: '`CMD ["fastapi", "run", "app/main.py"]`' };
  if ((prog === 'next' || prog === 'nuxt' || prog === 'vite') && (sub === 'dev' || (prog === 'vite' && sub === undefined)))
    return { what: `\`${prog} dev\`, an unoptimised development server with hot reload`, instead: `a production build served by \`${prog === 'vite' ? 'a static server such as nginx' : `${prog} start`}\`` };
  if (prog === 'webpack-dev-server' || (prog === 'webpack' && sub === 'serve') || (prog === 'ng' && sub === 'serve'))
    return { what: 'a webpack/Angular development server', instead: 'a production build served by nginx' };
  if ((prog === 'artisan' && sub === 'serve') || (prog === 'php' && baseName(rest[0] ?? '') === 'artisan' && rest[1] === 'serve'))
    return { what: "Laravel's `artisan serve`, PHP's built-in development server", instead: 'php-fpm behind nginx' };
  if (/^(npm|yarn|pnpm|bun)$/.test(prog)) {
    const script = sub === 'run' || sub === 'run-script' ? rest.filter((w) => !w.startsWith('-'))[1] : prog === 'npm' ? undefined : sub;
    if (script && DEV_SCRIPTS.has(script)) return { what: `the project's \`${script}\` script, a development setup`, instead: 'the production command (e.g. `CMD ["node", "dist/server.js"]`)' };
  }
  return undefined;
}

export const rule: StaticRule = {
  id: 'dev-server-as-start',
  severity: 'warning',
  title: 'Development server as start command',
  description: 'A development server (runserver, flask run, nodemon, npm run dev, --reload) in a production image: slow, unhardened, and watching files that never change.',
  deployed: 'service',
  check(model) {
    const app = mainProgram(model);
    if (!app) return [];
    let dev = devServer(app.words);
    // `npm start` whose package.json script is `nodemon index.js`.
    const script = dev ? undefined : packageScriptWords(model, app.words);
    const viaScript = script ? devServer(script.words) : undefined;
    if (viaScript && script) dev = { what: `${viaScript.what} (package.json's \`${script.name}\` script is \`${script.text}\`)`, instead: viaScript.instead };
    if (!dev) return [];
    const where = appWhere(app);
    const message = `The start command \`${showText(app.words.join(' '), 60)}\` (from ${where.source}) runs ${dev.what}.`;
    const fix = `Start a production server instead: ${dev.instead}.`;
    // A development image by design runs its dev server on purpose: say so, do not warn.
    // A Compose service running a development server is a developer's setup; a Kubernetes or ECS one is deployed for real.
    const origin = app.part.origin;
    const deployedDev = origin?.devSetup ?? (origin?.kind === 'compose' ? `Compose service \`${origin.name}\` runs a development server, a development setup` : undefined);
    const devImage = developmentImage(model) ?? (deployedDev ? { reason: deployedDev } : undefined);
    if (devImage) return [{ message: `${message} Fine here: ${devImage.reason}.`, fix: `If this image ever ships to production, ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`, ...where.at, severity: 'info' }];
    // `if [ "$DEBUG" = 1 ]; then runserver; else gunicorn …; fi`: a switch for development, the other path serves.
    const scriptLink = app.origin ? model.startChain.links.find((l) => l.kind === 'script' && l.wrapper === app.origin?.script) : undefined;
    const served = scriptLink?.otherPrograms?.find((o) => !devServer(o.words));
    if (served)
      return [{
        message: `${message} Only one path of \`${baseName(served.origin.file)}\` starts it; on the other, line ${served.origin.line} starts \`${showText(served.words.join(' '), 40)}\`, so the condition between them picks development or production.`,
        fix: `Make sure deployments take the production path (the condition's variable unset or off), or ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`,
        ...where.at,
        severity: 'info',
      }];
    return [{ message, fix, ...where.at }];
  },
};
