// Runs inside the iframe that iframe-worker-shim.js creates in place of a Web Worker (pages opened from
// file://): the globals a worker has, as the package's inline script defined them, from a file of the site.
"use strict";
(() => {
  const url = document.currentScript.dataset.url;
  self.postMessage = (data, origin) => parent.postMessage(data, origin || "*");
  self.importScripts = (...urls) =>
    urls.reduce(
      (done, src) =>
        done.then(
          () =>
            new Promise((resolve) => {
              const script = document.createElement("script");
              script.src = src;
              script.onload = resolve;
              document.body.appendChild(script);
            }),
        ),
      Promise.resolve(),
    );
  addEventListener("error", ({ error }) => {
    parent.dispatchEvent(new ErrorEvent("error", { filename: url, error }));
  });
})();
