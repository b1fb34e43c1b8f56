// The allocation progress page: polls the run and opens the result when it ends. Without this
// script the page offers a link to reload it.
(function () {
  "use strict";
  var box = document.querySelector("[data-allocation-progress]");
  if (!box) return;
  var phase = box.querySelector("[data-allocation-phase]");
  function poll() {
    fetch(box.dataset.allocationProgress, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (progress) {
        if (progress.state === "running") {
          phase.textContent = "Working: " + progress.phase;
          window.setTimeout(poll, 300);
        } else {
          window.location.href = box.dataset.allocationPage;
        }
      })
      .catch(function () { window.setTimeout(poll, 1500); });
  }
  window.setTimeout(poll, 200);
})();
