// GOV.UK Frontend styles some components differently once it knows JavaScript runs.
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
