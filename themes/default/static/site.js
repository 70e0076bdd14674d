/* wegweiser default theme: turns harvest-protected e-mail addresses
 * (<span class="email" data-u="…" data-d="…">user (at) domain</span>)
 * into ordinary mailto: links. Without JavaScript the readable fallback
 * "user (at) domain" stays. No other behaviour, no external requests. */
(function () {
  'use strict';
  function assemble() {
    var spans = document.querySelectorAll('span.email[data-u][data-d]');
    for (var i = 0; i < spans.length; i++) {
      var s = spans[i];
      var addr = s.getAttribute('data-u') + '@' + s.getAttribute('data-d');
      if (s.parentNode && s.parentNode.closest && s.parentNode.closest('a')) {
        s.replaceWith(document.createTextNode(addr));
        continue;
      }
      var a = document.createElement('a');
      a.href = 'mailto:' + addr;
      if (s.hasAttribute('data-keep')) {
        while (s.firstChild) a.appendChild(s.firstChild);
      } else {
        a.textContent = addr;
      }
      s.replaceWith(a);
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', assemble);
  } else {
    assemble();
  }
})();
