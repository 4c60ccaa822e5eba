// ui/focus.py: after Next or Back, the keyboard focus moves to the new step's heading, so the next Tab
// starts on the new step and a screen reader reads its title (issue 13 §6). Streamlit has no focus API.
// The first step shown is left alone (the page's own load); only a change of step moves the focus.
export default function ({ data }) {
  const shown = window.wideDeepStepShown;
  window.wideDeepStepShown = data.step;
  if (shown === undefined || shown === data.step) return;
  const heading = document.querySelector('[data-testid="stMainBlockContainer"] h2');
  if (!heading) return;
  heading.setAttribute("tabindex", "-1");
  heading.focus({ preventScroll: true });
  heading.scrollIntoView({ block: "start" });
}
