// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Shows upload progress for large staff files, then follows the server's redirect.
  function enhanceUpload(form) {
    var bar = form.querySelector(".upload-progress");
    form.addEventListener("submit", function (event) {
      if (!window.FormData || !bar) return;
      event.preventDefault();
      var request = new XMLHttpRequest();
      request.open("POST", form.action);
      bar.hidden = false;
      request.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
      });
      request.addEventListener("load", function () {
        // A redirect means the server took the file: follow it. Any other answer (the form
        // again with a message, or a refusal) is shown by posting the form natively, so the
        // person sees why instead of an empty form.
        var redirected = request.responseURL && request.responseURL !== form.action;
        if (request.status >= 200 && request.status < 300 && redirected) {
          window.location.href = request.responseURL;
        } else {
          form.submit();
        }
      });
      request.addEventListener("error", function () { form.submit(); });
      request.send(new FormData(form));
    });
  }

  // Polls an import's progress and moves to the result page when it finishes.
  function followImport(box) {
    var bar = box.querySelector("progress");
    var label = box.querySelector("label");
    function poll() {
      fetch(box.dataset.importProgress, { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (progress) {
          if (progress.state === "running") {
            var percent = progress.total ? Math.floor((progress.done * 100) / progress.total) : 0;
            bar.value = percent;
            bar.textContent = percent + "%";
            label.textContent = "Saved " + progress.done + " of " + progress.total + " people";
            window.setTimeout(poll, 400);
          } else {
            window.location.href = box.dataset.importPage;
          }
        })
        .catch(function () { window.setTimeout(poll, 1500); });
    }
    poll();
  }

  document.querySelectorAll("form[data-upload-progress]").forEach(enhanceUpload);
  document.querySelectorAll("[data-import-progress]").forEach(followImport);
})();
