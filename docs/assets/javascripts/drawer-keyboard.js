/* Keyboard access to the navigation drawer on narrow screens.
   Material's menu button is a <label> for a hidden checkbox: Tab never reaches it, while Tab does reach
   the links of the closed drawer, off screen, where focus cannot be seen. Here the button becomes a
   focusable button (Enter or Space opens the drawer and moves focus into it, Escape closes it and
   returns focus), and the closed drawer is inert. Without JavaScript the label still works by pointer. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector('label.md-header__button[for="__drawer"]');
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) {
    return;
  }
  var narrow = window.matchMedia("(max-width: 76.234375em)"); /* Material's drawer breakpoint */
  var label = document.querySelector('meta[name="drawer-label"]'); /* from data/strings.yml */
  button.setAttribute("tabindex", "0");
  button.setAttribute("role", "button");
  if (label) {
    button.setAttribute("aria-label", label.content);
  }

  function sync() {
    button.setAttribute("aria-expanded", String(toggle.checked));
    drawer.inert = narrow.matches && !toggle.checked;
  }

  function setOpen(open) {
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change"));
    sync();
    if (open) {
      var first = drawer.querySelector("a[href], label[tabindex], input:not([type=hidden])");
      if (first) {
        first.focus();
      }
    } else {
      button.focus();
    }
  }

  button.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      setOpen(!toggle.checked);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked && narrow.matches) {
      setOpen(false);
    }
  });
  toggle.addEventListener("change", sync);
  narrow.addEventListener("change", sync);
  sync();
})();
