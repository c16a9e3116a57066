// Starts Swagger UI on the workbench's own OpenAPI document: an external file, so the CSP needs
// no inline script. Nothing is fetched from elsewhere: no validator badge (it would call
// validator.swagger.io), no remote configuration.
(function () {
  var el = document.getElementById('swagger-ui');
  if (!el || typeof SwaggerUIBundle === 'undefined') { return; }
  SwaggerUIBundle({
    url: el.getAttribute('data-src'),
    domNode: el,
    validatorUrl: null,
    deepLinking: true,
    tryItOutEnabled: false,
    queryConfigEnabled: false,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    onComplete: function () { el.setAttribute('data-rendered', 'true'); }
  });
})();
