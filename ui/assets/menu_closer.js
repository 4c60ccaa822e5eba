// ui/navigation.py: on a phone Streamlit moves the top menu into a sidebar that stays open over the
// page after a page is tapped (issue 13 §2). Close it once the tap has switched the page.
export default function () {
  if (window.wideDeepMenuCloser) return;
  window.wideDeepMenuCloser = true;
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element && event.target.closest('[data-testid="stSidebarNav"] a');
    if (!link) return;
    setTimeout(() => {
      const close = document.querySelector('[data-testid="stSidebarCollapseButton"] button');
      if (close) close.click();
    }, 0);
  }, true);
}
