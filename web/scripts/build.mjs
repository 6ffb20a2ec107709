// Builds web/dist, the folder the server serves under /assets/. No bundler: govuk-frontend ships
// compiled CSS and an ES module, so the build only copies files into one flat layout that matches the
// url(/assets/fonts/...) and url(/assets/images/...) references inside govuk-frontend's CSS.
import { cp, mkdir, readdir, rm, stat } from 'node:fs/promises'
import { dirname, extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const web = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(web, 'dist')
const govuk = join(web, 'node_modules', 'govuk-frontend', 'dist', 'govuk')

async function exists (path) {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}

async function copy (from, to) {
  if (!(await exists(from))) {
    throw new Error(`missing ${from} (did the govuk-frontend layout change? run "npm ci" in web/)`)
  }
  await cp(from, to, { recursive: true })
}

async function main () {
  if (!(await exists(govuk))) {
    throw new Error(`${govuk} not found: run "npm ci" in web/ first`)
  }
  await rm(dist, { recursive: true, force: true })
  await mkdir(dist, { recursive: true })

  for (const file of ['govuk-frontend.min.css', 'govuk-frontend.min.css.map',
    'govuk-frontend.min.js', 'govuk-frontend.min.js.map']) {
    await copy(join(govuk, file), join(dist, file))
  }
  // fonts/, images/ and manifest.json sit at the top of /assets/, where the CSS expects them.
  for (const entry of await readdir(join(govuk, 'assets'))) {
    await copy(join(govuk, 'assets', entry), join(dist, entry))
  }

  const ours = join(web, 'src')
  let count = 0
  for (const entry of await readdir(ours)) {
    if (['.css', '.js', '.mjs'].includes(extname(entry))) {
      await copy(join(ours, entry), join(dist, entry))
      count += 1
    }
  }
  console.log(`web/dist built: govuk-frontend assets and ${count} file(s) from web/src`)
}

main().catch((error) => {
  console.error(`web build failed: ${error.message}`)
  process.exit(1)
})
