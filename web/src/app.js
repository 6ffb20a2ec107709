// Starts govuk-frontend's components (service navigation toggle, error summary focus, skip link…).
// Loaded as a module, so only browsers that govuk-frontend supports run it.
import { initAll } from './govuk-frontend.min.js'

initAll()
