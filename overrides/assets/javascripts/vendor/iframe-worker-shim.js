// iframe-worker 1.0.4 (MIT, iframe-worker-LICENSE.txt), patched for a strict Content-Security-Policy: the
// iframe that stands in for a Web Worker on file:// gets the worker's globals from iframe-worker-scope.js
// (a file of the site, allowed by script-src 'self') instead of an inline script (which the page's policy,
// inherited by the iframe, blocks). Otherwise the same code as the package's minified shim.
"use strict";
(() => {
  const scope = new URL("iframe-worker-scope.js", document.currentScript.src).href;
  const quote = (text) => String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = url;
      this.m = (event) => {
        if (event.source === this.w) {
          this.dispatchEvent(new MessageEvent("message", { data: event.data }));
          if (this.onmessage) this.onmessage(event);
        }
      };
      this.e = (message, filename, lineno, colno, error) => {
        if (filename === `${this.url}`) {
          const event = new ErrorEvent("error", { message, filename, lineno, colno, error });
          this.dispatchEvent(event);
          if (this.onerror) this.onerror(event);
        }
      };
      const iframe = document.createElement("iframe");
      iframe.hidden = true;
      document.body.appendChild((this.iframe = iframe));
      this.w.document.open();
      // The worker's script first: Material's search worker finds its folder from the first script[src].
      // It uses postMessage and importScripts only once a message arrives, after the scope script ran.
      this.w.document.write(
        `<html><body><script src="${quote(url)}?${+Date.now()}"></script>` +
          `<script src="${quote(scope)}" data-url="${quote(url)}"></script></body></html>`,
      );
      this.w.document.close();
      onmessage = this.m;
      onerror = this.e;
      this.r = new Promise((resolve, reject) => {
        this.w.onload = resolve;
        this.w.onerror = reject;
      });
    }

    terminate() {
      this.iframe.remove();
      onmessage = onerror = null;
    }

    postMessage(data) {
      this.r.catch().then(() => {
        this.w.dispatchEvent(new MessageEvent("message", structuredClone({ data })));
      });
    }

    get w() {
      return this.iframe.contentWindow;
    }
  }

  window.IFrameWorker = IFrameWorker;
  if (location.protocol === "file:") window.Worker = IFrameWorker;
})();
