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

  document.documentElement.classList.add("js");
  var announcer = document.createElement("p");
  announcer.className = "visually-hidden";
  announcer.setAttribute("aria-live", "polite");
  document.body.appendChild(announcer);
  function announce(text) { announcer.textContent = ""; window.setTimeout(function () { announcer.textContent = text; }, 50); }

  // --- Module blocks: every form works without this; with it, answers save in place. ---

  // Sent as multipart/form-data: a URL-encoded body is capped at 8 KB by the HTTP library, which a
  // long reflection in Polish or Chinese passes easily.
  function formBody(form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    return data;
  }

  function saveBlock(form, submitter) {
    return fetch(form.action, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Accept": "application/json" },
      body: formBody(form, submitter)
    }).then(function (response) {
      if (response.status !== 200 && response.status !== 422) throw new Error("save failed");
      return response.json();
    });
  }

  // Keeps the foot of the last page true: a block once done leaves the list of what is left, and a
  // finished module offers its certificate there instead of the list.
  function showFinish(result, blockId) {
    if (result.done && blockId) {
      var left = document.querySelector('[data-remaining="' + blockId + '"]');
      if (left) left.remove();
    }
    if (!result.complete) return;
    var list = document.querySelector("[data-finish-list]");
    if (list) list.remove();
    var certificate = document.querySelector("[data-certificate-link]");
    if (certificate) certificate.hidden = false;
  }

  function showProgress(result, blockId) {
    showFinish(result, blockId);
    var progress = document.querySelector("[data-module-progress]");
    var bar = progress && progress.parentNode.querySelector("progress");
    if (progress) progress.textContent = result.complete ? "Completed" :
      result.percent + "% complete · about " + result.time_left + " left";
    if (bar) { bar.value = result.percent; bar.textContent = result.percent + "%"; }
    var notice = document.querySelector("[data-completion-notice]");
    if (result.completed_now && notice) {
      notice.innerHTML = "";
      var p = document.createElement("p");
      p.className = "notice";
      p.setAttribute("role", "status");
      p.tabIndex = -1;
      p.appendChild(document.createTextNode("You have completed this module. "));
      var link = document.createElement("a");
      link.href = result.certificate;
      link.textContent = "See and download your certificate";
      p.appendChild(link);
      p.appendChild(document.createTextNode("."));
      notice.appendChild(p);
      announce("You have completed this module. Your certificate is ready.");
    }
  }

  function blockIdOf(section) {
    return section && section.id ? section.id.replace(/^block-/, "") : "";
  }

  // Swaps the block for the server's new rendering and puts focus on what changed.
  function replaceBlock(section, result) {
    var holder = document.createElement("div");
    holder.innerHTML = result.html;
    var fresh = holder.firstElementChild;
    section.replaceWith(fresh);
    enhanceBlock(fresh);
    var target = fresh.querySelector("[role=alert]") || fresh.querySelector("[data-focus-after-save]") || fresh;
    target.focus();
    showProgress(result, blockIdOf(fresh));
  }

  function fallBack(form, submitter) {
    if (submitter && submitter.name) {
      var hidden = document.createElement("input");
      hidden.type = "hidden";
      hidden.name = submitter.name;
      hidden.value = submitter.value;
      form.appendChild(hidden);
    }
    form.submit();
  }

  function enhanceBlockForm(form) {
    var section = form.closest(".block");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var submitter = event.submitter;
      if (form.hasAttribute("data-sort-order")) numberCards(form);
      saveBlock(form, submitter)
        .then(function (result) { replaceBlock(section, result); })
        .catch(function () { fallBack(form, submitter); });
    });
  }

  // Reflections save themselves a moment after the person stops typing.
  function enhanceAutosave(form) {
    var status = form.querySelector("[data-save-status]");
    var timer = null;
    form.querySelector("textarea").addEventListener("input", function () {
      if (timer) window.clearTimeout(timer);
      status.textContent = "Not saved yet…";
      timer = window.setTimeout(function () {
        saveBlock(form).then(function (result) {
          if (result.error) { status.textContent = result.error; return; }
          var time = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
          status.textContent = "Saved at " + time + ".";
          var badge = form.closest(".block").querySelector(".status");
          if (badge && result.done) { badge.textContent = "Done"; badge.className = "status status--done"; }
          showProgress(result, blockIdOf(form.closest(".block")));
        }).catch(function () { status.textContent = "Could not save. Check your connection; use Save to try again."; });
      }, 800);
    });
  }

  // A video counts as watched when it plays to the end.
  function enhanceVideo(section) {
    var video = section.querySelector("video[data-video]");
    var form = section.querySelector("form[data-block-form]");
    if (!video || !form) return;
    video.addEventListener("ended", function () {
      saveBlock(form).then(function (result) { showProgress(result, blockIdOf(section)); announce("Video marked as watched."); });
    });
  }

  // Sorting in order: the selects stay the source of truth, the cards' order sets them.
  function numberCards(form) {
    form.querySelectorAll(".sort-card").forEach(function (card, index) {
      card.querySelector("select").value = String(index + 1);
    });
  }

  function moveButton(label, card, step, form) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary";
    button.textContent = label;
    button.setAttribute("aria-label", label + ": " + card.querySelector(".sort-card__text").textContent);
    button.addEventListener("click", function () {
      var list = card.parentNode;
      var sibling = step < 0 ? card.previousElementSibling : card.nextElementSibling;
      if (!sibling) return;
      if (step < 0) list.insertBefore(card, sibling); else list.insertBefore(sibling, card);
      numberCards(form);
      button.focus();
      var place = Array.prototype.indexOf.call(list.children, card) + 1;
      announce("Moved to place " + place + " of " + list.children.length + ".");
    });
    return button;
  }

  function enhanceOrderSort(form) {
    var list = form.querySelector(".sort-list");
    var dragged = null;
    // Show the cards in the order their places say, then let the person rearrange them.
    Array.prototype.slice.call(list.children)
      .sort(function (a, b) { return a.querySelector("select").value - b.querySelector("select").value; })
      .forEach(function (card) { list.appendChild(card); });
    list.querySelectorAll(".sort-card").forEach(function (card) {
      card.querySelector(".sort-card__place").hidden = true;
      var moves = document.createElement("span");
      moves.className = "sort-card__moves";
      moves.appendChild(moveButton("Move up", card, -1, form));
      moves.appendChild(moveButton("Move down", card, 1, form));
      card.appendChild(moves);
      card.draggable = true;
      card.addEventListener("dragstart", function () { dragged = card; card.classList.add("sort-card--dragging"); });
      card.addEventListener("dragend", function () { card.classList.remove("sort-card--dragging"); dragged = null; numberCards(form); });
      card.addEventListener("dragover", function (event) {
        event.preventDefault();
        if (!dragged || dragged === card) return;
        var box = card.getBoundingClientRect();
        list.insertBefore(dragged, event.clientY < box.top + box.height / 2 ? card : card.nextSibling);
      });
    });
    numberCards(form);
  }

  // Sorting into groups: each group is a drop zone; the card's own select still works by keyboard.
  function enhanceGroupSort(form) {
    var list = form.querySelector(".sort-list");
    var firstSelect = list.querySelector("select");
    if (!firstSelect) return;
    var zones = document.createElement("div");
    zones.className = "sort-zones";
    Array.prototype.slice.call(firstSelect.options, 1).forEach(function (option) {
      var zone = document.createElement("div");
      zone.className = "sort-zone";
      zone.dataset.group = option.value;
      zone.textContent = "Drop here: " + option.textContent;
      zone.setAttribute("aria-hidden", "true");
      zone.addEventListener("dragover", function (event) { event.preventDefault(); zone.classList.add("sort-zone--over"); });
      zone.addEventListener("dragleave", function () { zone.classList.remove("sort-zone--over"); });
      zone.addEventListener("drop", function (event) {
        event.preventDefault();
        zone.classList.remove("sort-zone--over");
        var position = event.dataTransfer.getData("text/plain");
        if (!/^[0-9]+$/.test(position)) return; // something dragged in from elsewhere
        var card = list.querySelector('[data-position="' + position + '"]');
        if (card) { card.querySelector("select").value = zone.dataset.group; announce("Put in " + option.textContent + "."); }
      });
      zones.appendChild(zone);
    });
    list.parentNode.insertBefore(zones, list);
    list.querySelectorAll(".sort-card").forEach(function (card) {
      card.draggable = true;
      card.addEventListener("dragstart", function (event) { event.dataTransfer.setData("text/plain", card.dataset.position); });
    });
  }

  function enhanceResource(section) {
    var link = section.querySelector("[data-resource-link]");
    var badge = section.querySelector(".status");
    if (!link || !badge) return;
    link.addEventListener("click", function () {
      badge.textContent = "Done";
      badge.className = "status status--done";
      showFinish({ done: true }, blockIdOf(section));
    });
  }

  function enhanceBlock(section) {
    section.querySelectorAll("form[data-block-form]").forEach(function (form) {
      enhanceBlockForm(form);
      if (form.hasAttribute("data-autosave")) enhanceAutosave(form);
      if (form.hasAttribute("data-sort-order")) enhanceOrderSort(form);
      if (form.hasAttribute("data-sort-groups")) enhanceGroupSort(form);
    });
    enhanceVideo(section);
    enhanceResource(section);
  }

  // A select shows only as much of a long workshop title as fits; the line under it shows it whole.
  function followPick(line) {
    var select = document.getElementById(line.dataset.pickedFor);
    if (!select) return;
    select.addEventListener("change", function () {
      var option = select.options[select.selectedIndex];
      line.textContent = option && option.value ? option.textContent : "";
    });
  }

  // A recording to catch up on: the form says it was watched through only once the video ends.
  function followCatchUp(video) {
    var form = document.querySelector("form[data-catch-up-form]");
    if (!form) return;
    video.addEventListener("ended", function () {
      form.querySelector("[data-watched]").value = "1";
    });
  }

  // A survey keeps the person's answers as they go: each change is saved a moment later, so a
  // half-done survey survives a closed tab. "Save and finish later" does the same without script.
  function saveSurveyAsYouGo(form) {
    var status = form.querySelector(".survey-form__status");
    var timer = null;
    function save() {
      var data = new FormData(form);
      fetch(form.dataset.surveyDraft, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Accept": "application/json" },
        body: data
      }).then(function (response) {
        return response.json().then(function (body) {
          var now = new Date();
          status.textContent = body.saved
            ? "Saved at " + now.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" }) + "."
            : "Not saved: " + body.error;
        });
      }).catch(function () { status.textContent = "Not saved: check your connection."; });
    }
    form.addEventListener("change", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, 400);
    });
  }

  document.querySelectorAll(".block").forEach(enhanceBlock);
  document.querySelectorAll("form[data-survey-draft]").forEach(saveSurveyAsYouGo);
  document.querySelectorAll("video[data-catch-up-video]").forEach(followCatchUp);
  document.querySelectorAll("[data-picked-for]").forEach(followPick);
  document.querySelectorAll("form[data-upload-progress]").forEach(enhanceUpload);
  document.querySelectorAll("[data-import-progress]").forEach(followImport);
})();
