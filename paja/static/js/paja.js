// After a form is sent, move focus to what the page says about it, so that a screen reader
// reads it at once: the error summary first, else the confirmation message.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector(".error-summary");
  const message = document.querySelector(".flashes .alert");
  const target = summary || message;
  if (target) {
    target.tabIndex = -1;
    target.focus();
  }
});

// On the order form, choosing another organisation fills in its stored billing details
// where the fields still hold the previous organisation's (what the person typed stays).
document.addEventListener("DOMContentLoaded", () => {
  const data = document.getElementById("billing-details");
  const choice = document.querySelector("select[name=organisation]");
  if (!data || !choice) return;
  const billing = JSON.parse(data.textContent);
  let shown = billing[choice.value] || {};
  choice.addEventListener("change", () => {
    const next = billing[choice.value] || {};
    for (const name of ["einvoice_address", "einvoice_operator", "billing_address"]) {
      const field = document.querySelector(`[name=${name}]`);
      if (field && field.value === (shown[name] || "")) field.value = next[name] || "";
    }
    shown = next;
  });
});
