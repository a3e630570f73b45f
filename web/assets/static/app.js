// objector's page without this script works in full; the script adds the
// live rights panel, the copy buttons and hides the fields for a company
// outside the directory until it is chosen. It stores nothing and talks
// only to the page's own server.
(function () {
	"use strict";
	document.documentElement.classList.add("js");

	var form = document.getElementById("letter-form");
	var panel = document.getElementById("rights-panel");

	// Focus the error summary or the result, so a screen reader reads it.
	var first = document.getElementById("summary") || document.getElementById("result");
	if (first) { first.focus(); }

	// Another company: its fields only when it is chosen.
	var controller = document.getElementById("controller");
	var other = document.getElementById("other-company");
	function toggleOther() {
		if (controller && other) { other.hidden = controller.value !== "other"; }
	}
	if (controller) { controller.addEventListener("change", toggleOther); toggleOther(); }

	// The rights panel follows the residence and the letter date.
	var timer = 0, asked = "";
	function updateRights() {
		if (!form || !panel) { return; }
		var params = new URLSearchParams();
		params.set("residence", form.elements.residence.value);
		params.set("date", form.elements.date.value);
		params.set("ui", document.documentElement.lang);
		params.set("controller", form.elements.controller.value);
		var q = params.toString();
		if (q === asked) { return; }
		asked = q;
		fetch("rights?" + q, { credentials: "omit", cache: "no-store" })
			.then(function (r) { return r.text(); })
			.then(function (html) { if (asked === q) { panel.innerHTML = html; } })
			.catch(function () { /* the panel keeps what it showed */ });
	}
	function later() { clearTimeout(timer); timer = setTimeout(updateRights, 300); }
	if (form) {
		form.elements.residence.addEventListener("input", later);
		form.elements.residence.addEventListener("change", updateRights);
		form.elements.date.addEventListener("change", updateRights);
		form.elements.controller.addEventListener("change", updateRights);
	}

	// Copy buttons for the company's own form.
	var status = document.getElementById("copy-status");
	Array.prototype.forEach.call(document.querySelectorAll("button.copy"), function (b) {
		b.hidden = false;
		b.addEventListener("click", function () {
			var field = document.getElementById(b.getAttribute("data-copy"));
			if (!field) { return; }
			function done() { if (status) { status.textContent = ""; status.textContent = status.getAttribute("data-copied"); } }
			function fallback() {
				field.focus();
				field.select();
				try { document.execCommand("copy"); done(); } catch (e) { /* the text stays selected to copy by hand */ }
			}
			if (navigator.clipboard && navigator.clipboard.writeText) {
				navigator.clipboard.writeText(field.value).then(done, fallback);
			} else {
				fallback();
			}
		});
	});
})();
