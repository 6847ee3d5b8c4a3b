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
