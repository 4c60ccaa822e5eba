export default function ({ data, parentElement }) {
  const root = parentElement.querySelector(".link-box");
  const field = root.querySelector(".link-box__url");
  const copy = root.querySelector(".link-box__copy");
  const share = root.querySelector(".link-box__share");
  const status = root.querySelector(".link-box__status");
  field.value = data.url;
  field.setAttribute("aria-label", data.label);
  copy.textContent = data.copy;
  share.textContent = data.share;
  copy.setAttribute("aria-label", data.copy_named);  // several links on a page: each button says which
  share.setAttribute("aria-label", data.share_named);
  const fit = () => { field.style.height = "auto"; field.style.height = field.scrollHeight + 2 + "px"; };
  fit();
  const observer = new ResizeObserver(fit);
  observer.observe(field);
  const canShare = typeof navigator.share === "function" && (!navigator.canShare || navigator.canShare({ url: data.url }));
  share.hidden = !canShare;
  copy.classList.toggle("link-box__primary", !canShare);
  const say = (text) => { status.textContent = ""; setTimeout(() => { status.textContent = text; }, 50); };
  const fallback = () => {
    field.focus(); field.select();
    try { return document.execCommand("copy"); } catch (e) { return false; }
  };
  copy.onclick = async () => {
    let done = false;
    try { await navigator.clipboard.writeText(data.url); done = true; } catch (e) { done = fallback(); }
    say(done ? data.copied : data.failed);
  };
  share.onclick = async () => {
    try { await navigator.share({ title: data.title, url: data.url }); }
    catch (e) { if (e && e.name !== "AbortError") { copy.click(); } }
  };
  return () => observer.disconnect();
}
