// govuk-frontend's page template sets these classes with an inline script. Our Content-Security-Policy
// allows no inline script, so this file runs at the top of <body> instead. 'govuk-frontend-supported'
// is only set in browsers that run ES modules, the same test govuk-frontend documents.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '')
