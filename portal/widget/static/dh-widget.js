/*
 * Digitale Huiskamer chat widget — embed with ONE script tag, no build step, no third parties:
 *
 *   <script src="/widget/dh-widget.js" defer
 *           data-endpoint="/chat/send" data-wijk="Centrum" data-doelgroep="volwassene"
 *           data-privacy-url="/privacy" data-exit-url="https://www.google.nl"></script>
 *
 * Works under a strict Content-Security-Policy (default-src 'self'): no inline scripts or
 * styles; the style sheet is loaded from beside this file. The conversation is kept in
 * sessionStorage only (gone when the tab closes; never localStorage or cookies).
 */
(function () {
  "use strict";

  const script = document.currentScript;
  if (!script) return;
  const data = script.dataset;
  const base = new URL(".", script.src);
  const config = {
    endpoint: new URL(data.endpoint || "/chat/send", base).href,
    privacyUrl: new URL(data.privacyUrl || "/privacy", base).href,
    exitUrl: /^https?:\/\//.test(data.exitUrl || "") ? data.exitUrl : "https://www.google.nl",
    maxChars: parseInt(data.maxChars, 10) || 2000,
    title: data.title || "Digitale Huiskamer",
    context: {},
  };
  if (data.wijk) config.context.wijk = data.wijk;
  if (data.doelgroep) config.context.doelgroep = data.doelgroep;

  const STORE_KEY = "dh-widget";
  const GREETING = "/greet"; // intent payload: the assistant opens with "I am a digital assistant"
  const DELETE = "/confirm_delete"; // the widget asked for confirmation itself: wipe at once
  const RETRY_DELAYS_MS = [1000, 3000];
  const DOUBLE_ESCAPE_MS = 1200;
  // The widget's own texts follow the conversation's language (a reply says when it
  // switched; the button in the header asks the assistant to switch).
  const TEXTS = {
    nl: {
    launcher: "Chat met de digitale assistent",
    intro: "Digitale assistent van de gemeente. Je praat met een computer, niet met een mens.",
    exit: "Snel weg",
    exitHint: "Snel weg: dit scherm sluit meteen. Of druk twee keer op Escape.",
    clear: "Gesprek wissen",
    close: "Sluiten",
    log: "Gesprek",
    you: "Jij: ",
    bot: "Assistent: ",
    label: "Jouw bericht",
    hint: "Enter verstuurt, Shift en Enter geeft een nieuwe regel. Je naam hoef je niet te geven.",
    send: "Versturen",
    privacy: "Wat gebeurt er met mijn gegevens?",
    choices: "Kies een antwoord",
    copyCode: "Kopieer zaakcode",
    copied: "Gekopieerd",
    copyFailed: "Kopiëren lukt niet: schrijf de code over",
    typing: "De assistent schrijft een antwoord …",
    retrying: "Geen verbinding. Ik probeer het opnieuw …",
    unreachable:
      "De digitale assistent is nu even niet bereikbaar. Je bericht is niet verstuurd. " +
      "Probeer het over een paar minuten opnieuw. Heb je nu hulp nodig? Bel 112 bij gevaar, " +
      "113 (0800-0113) als je aan zelfmoord denkt, of Veilig Thuis (0800-2000) bij geweld thuis.",
    tooLong: (n) =>
      `Je bericht is te lang: ${n} tekens. Het mag hoogstens ${config.maxChars} tekens hebben. ` +
      "Het is niet verstuurd. Schrijf het korter, of stuur een paar kleine berichten.",
    tooSlow:
      "De digitale assistent antwoordt nu te langzaam. Probeer het over een paar minuten " +
      "opnieuw. Heb je nu hulp nodig? Bel 112 bij gevaar.",
    tooMany: (seconds) =>
      `Je stuurt veel berichten kort na elkaar. Wacht even, ongeveer ${seconds} seconden, en ` +
      "stuur je bericht dan opnieuw. Heb je nu hulp nodig? Bel 112 bij gevaar, of 113 " +
      "(0800-0113) als je aan zelfmoord denkt.",
    count: (n) => `${n} van ${config.maxChars} tekens`,
    confirm:
      "Alles van dit gesprek wordt gewist: op dit scherm en bij de assistent. Ook een " +
      "terugbelverzoek dat nog niet is opgepakt. Weet je het zeker?",
    confirmYes: "Ja, wis het gesprek",
    confirmNo: "Nee, terug",
    cleared: "Het gesprek is gewist, op dit scherm en bij de assistent.",
    clearFailed:
      "Wissen is niet gelukt: de assistent is nu niet bereikbaar. Probeer het later opnieuw. " +
      "Wil je dat dit scherm meteen leeg is? Kies dan Snel weg.",
    switchTo: "English",
    switchLanguage: "en",
    },
    en: {
    launcher: "Chat with the digital assistant",
    intro: "Digital assistant of the municipality. You are talking to a computer, not a person.",
    exit: "Leave quickly",
    exitHint: "Leave quickly: this screen closes at once. Or press Escape twice.",
    clear: "Delete conversation",
    close: "Close",
    log: "Conversation",
    you: "You: ",
    bot: "Assistant: ",
    label: "Your message",
    hint: "Enter sends, Shift and Enter gives a new line. You do not have to give your name.",
    send: "Send",
    privacy: "What happens to my data?",
    choices: "Choose an answer",
    copyCode: "Copy case code",
    copied: "Copied",
    copyFailed: "Copying does not work: write the code down",
    typing: "The assistant is writing an answer …",
    retrying: "No connection. Trying again …",
    unreachable:
      "The digital assistant cannot be reached right now. Your message was not sent. " +
      "Please try again in a few minutes. Do you need help now? Call 112 in danger, " +
      "113 (0800-0113) if you think about suicide, or Veilig Thuis (0800-2000) for violence at home.",
    tooLong: (n) =>
      `Your message is too long: ${n} characters. It may have at most ${config.maxChars} ` +
      "characters. It was not sent. Write it shorter, or send a few small messages.",
    tooSlow:
      "The digital assistant is answering too slowly right now. Please try again in a few " +
      "minutes. Do you need help now? Call 112 in danger.",
    tooMany: (seconds) =>
      `You are sending many messages in a short time. Please wait about ${seconds} seconds ` +
      "and send your message again. Do you need help now? Call 112 in danger, or 113 " +
      "(0800-0113) if you think about suicide.",
    count: (n) => `${n} of ${config.maxChars} characters`,
    confirm:
      "Everything of this conversation will be deleted: on this screen and at the assistant. " +
      "Also a call-back request nobody has picked up yet. Are you sure?",
    confirmYes: "Yes, delete the conversation",
    confirmNo: "No, go back",
    cleared: "The conversation is deleted, on this screen and at the assistant.",
    clearFailed:
      "Deleting did not work: the assistant cannot be reached now. Please try again later. " +
      "Do you want this screen empty at once? Choose Leave quickly.",
    switchTo: "Nederlands",
    switchLanguage: "nl",
    },
  };
  const SWITCH = (code) => `/switch_language{"language":"${code}"}`;

  // ---- state: kept in sessionStorage only --------------------------------------------------
  function newSender() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function load() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(STORE_KEY) || "null");
      if (saved && typeof saved.sender === "string" && Array.isArray(saved.messages)) return saved;
    } catch (error) {
      /* unreadable: start afresh */
    }
    return { sender: newSender(), open: false, messages: [], language: "nl" };
  }

  let state = load();
  let TEXT = TEXTS[state.language] || TEXTS.nl;
  // Storage can be switched off or full; the chat (and above all Snel weg) must still work.
  function save() {
    try {
      sessionStorage.setItem(STORE_KEY, JSON.stringify(state));
    } catch (error) {
      /* kept on screen only */
    }
  }
  function forget() {
    try {
      sessionStorage.removeItem(STORE_KEY);
    } catch (error) {
      /* nothing was stored */
    }
  }

  // ---- DOM ---------------------------------------------------------------------------------
  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  const css = el("link", { rel: "stylesheet", href: new URL("dh-widget.css", base).href });
  document.head.appendChild(css);

  // A landmark of its own, so screen-reader users find the chat from the landmark list.
  const root = el("aside", { class: "dh-widget", "aria-label": TEXT.launcher });
  const launcher = el("button", { type: "button", class: "dh-launcher", "aria-expanded": "false",
    "aria-controls": "dh-panel" }, TEXT.launcher);
  const panel = el("section", { id: "dh-panel", class: "dh-panel", "aria-labelledby": "dh-title" });
  panel.hidden = true;

  const header = el("div", { class: "dh-header" });
  const heading = el("h2", { id: "dh-title", class: "dh-title" }, config.title);
  const intro = el("p", { class: "dh-intro" }, TEXT.intro);
  const tools = el("div", { class: "dh-tools" });
  const exitButton = el("button", { type: "button", class: "dh-exit",
    "aria-describedby": "dh-exit-hint" }, TEXT.exit);
  const exitHint = el("p", { id: "dh-exit-hint", class: "dh-visually-hidden" }, TEXT.exitHint);
  const clearButton = el("button", { type: "button", class: "dh-clear" }, TEXT.clear);
  const closeButton = el("button", { type: "button", class: "dh-close" }, TEXT.close);
  const languageButton = el("button", { type: "button", class: "dh-language",
    lang: TEXT.switchLanguage }, TEXT.switchTo);
  tools.append(exitButton, clearButton, closeButton, languageButton);
  header.append(heading, intro, tools, exitHint);

  const confirmText = el("p", { id: "dh-confirm-text" }, TEXT.confirm);
  const confirmBox = el("div", { class: "dh-confirm", role: "group",
    "aria-labelledby": "dh-confirm-text" });
  confirmBox.hidden = true;
  const confirmYes = el("button", { type: "button", class: "dh-confirm-yes" }, TEXT.confirmYes);
  const confirmNo = el("button", { type: "button", class: "dh-confirm-no" }, TEXT.confirmNo);
  confirmBox.append(confirmText, confirmYes, confirmNo);

  // role=log announces new messages politely; tabindex so keyboard users can scroll it.
  // The messages form a list inside it (a list cannot carry the log role itself).
  const log = el("div", { class: "dh-log", role: "log", "aria-live": "polite",
    "aria-label": TEXT.log, tabindex: "0" });
  const list = el("ol", { class: "dh-list" });
  log.append(list);
  const status = el("p", { class: "dh-status", role: "status" });
  const alertBox = el("p", { class: "dh-alert", role: "alert" });

  const form = el("form", { class: "dh-form", novalidate: "" });
  const label = el("label", { for: "dh-input", class: "dh-label" }, TEXT.label);
  const input = el("textarea", { id: "dh-input", class: "dh-input", rows: "2",
    "aria-describedby": "dh-hint dh-count", autocomplete: "off" });
  const counter = el("p", { id: "dh-count", class: "dh-count" }, TEXT.count(0));
  const hint = el("p", { id: "dh-hint", class: "dh-hint" }, TEXT.hint);
  const sendButton = el("button", { type: "submit", class: "dh-send" }, TEXT.send);
  form.append(label, input, sendButton, counter, hint);

  const footer = el("p", { class: "dh-footer" });
  const privacyLink = el("a", { href: config.privacyUrl }, TEXT.privacy);
  footer.append(privacyLink);

  panel.append(header, confirmBox, log, status, alertBox, form, footer);
  root.append(launcher, panel);
  // Wait for the style sheet, so the panel never flashes unstyled.
  css.addEventListener("load", () => root.classList.add("dh-ready"));
  css.addEventListener("error", () => root.classList.add("dh-ready"));
  document.body.appendChild(root);

  /** Show the widget's own texts in ``code`` (nl/en): the conversation switched language. */
  function applyLanguage(code) {
    if (!TEXTS[code]) return;
    TEXT = TEXTS[code];
    state.language = code;
    panel.lang = code;
    root.setAttribute("aria-label", TEXT.launcher);
    launcher.textContent = TEXT.launcher;
    intro.textContent = TEXT.intro;
    exitButton.textContent = TEXT.exit;
    exitHint.textContent = TEXT.exitHint;
    clearButton.textContent = TEXT.clear;
    closeButton.textContent = TEXT.close;
    languageButton.textContent = TEXT.switchTo;
    languageButton.lang = TEXT.switchLanguage;
    confirmText.textContent = TEXT.confirm;
    confirmYes.textContent = TEXT.confirmYes;
    confirmNo.textContent = TEXT.confirmNo;
    log.setAttribute("aria-label", TEXT.log);
    label.textContent = TEXT.label;
    hint.textContent = TEXT.hint;
    sendButton.textContent = TEXT.send;
    privacyLink.textContent = TEXT.privacy;
    updateCounter();
  }

  // ---- rendering ---------------------------------------------------------------------------
  function removeChoices() {
    log.querySelectorAll(".dh-choices").forEach((group) => group.remove());
  }

  function renderMessage(message, isLast) {
    const item = el("li", { class: `dh-message dh-from-${message.who}` });
    const who = message.who === "user" ? TEXT.you : message.who === "bot" ? TEXT.bot : "";
    if (who) item.append(el("span", { class: "dh-visually-hidden" }, who));
    // dir="auto": a message in Arabic or Persian reads right to left, Dutch left to right.
    item.append(el("span", { class: "dh-text", dir: "auto" }, message.text || ""));
    if (message.who === "bot") addCopyButton(item, message.text || "");
    // Quick replies only under the newest message: older choices no longer apply.
    if (isLast) addChoices(item, message);
    list.append(item);
    return item;
  }

  // A case code (7QM4-X2PD-9TK3) is shown once: make it easy to keep.
  const CASE_CODE = /\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b/;

  function addCopyButton(item, text) {
    const found = CASE_CODE.exec(text);
    if (!found) return;
    const code = found[0];
    const box = el("div", { class: "dh-code" });
    box.append(el("code", { class: "dh-code-value" }, code));
    const button = el("button", { type: "button", class: "dh-copy" }, TEXT.copyCode);
    const status = el("span", { class: "dh-copy-status", role: "status" });
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(code);
        status.textContent = TEXT.copied;
      } catch (error) {
        status.textContent = TEXT.copyFailed;
      }
    });
    box.append(button, status);
    item.append(box);
  }

  function addChoices(item, message) {
    if (!message.buttons || !message.buttons.length) return;
    const group = el("div", { class: "dh-choices", role: "group", "aria-label": TEXT.choices });
    for (const button of message.buttons) {
      const choice = el("button", { type: "button", class: "dh-choice" }, button.title);
      choice.addEventListener("click", () => {
        input.focus(); // the choices disappear: continue in the text field
        send(button.payload, button.title);
      });
      group.append(choice);
    }
    item.append(group);
  }

  /** Scroll the start of ``item`` into view: in the log, or in the whole panel on small screens. */
  function reveal(item) {
    const box = log.scrollHeight > log.clientHeight ? log : panel;
    box.scrollTop += item.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
  }

  function renderAll() {
    list.textContent = "";
    state.messages.forEach((m, i) => renderMessage(m, i === state.messages.length - 1));
    log.scrollTop = log.scrollHeight;
  }

  function addMessages(messages) {
    removeChoices();
    const items = messages.map((m, i) => {
      state.messages.push(m);
      return renderMessage(m, i === messages.length - 1);
    });
    save();
    if (items.length) reveal(items[0]); // long answers are read from their start
  }

  function updateCounter() {
    const n = input.value.length;
    const tooLong = n > config.maxChars;
    counter.textContent = tooLong ? TEXT.tooLong(n) : TEXT.count(n);
    counter.classList.toggle("dh-count-over", tooLong);
    if (tooLong) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }

  // ---- talking to the relay ----------------------------------------------------------------
  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  /** The widget's own words for a failure the relay names, so they follow the language. */
  function failureText(response, answer, message) {
    const status = response ? response.status : 0;
    if (status === 429 && answer && Number.isInteger(answer.seconds)) {
      return TEXT.tooMany(answer.seconds);
    }
    if (status === 504) return TEXT.tooSlow;
    if (status === 413) return TEXT.tooLong(message.length);
    if (!response || status === 502 || status === 503) return TEXT.unreachable;
    return (answer && answer.message) || TEXT.unreachable;
  }

  /** POST one message; retries while the assistant is unreachable (nothing was delivered). */
  async function post(message) {
    const body = JSON.stringify({ sender: state.sender, message, metadata: config.context });
    for (let attempt = 0; ; attempt++) {
      let response = null;
      let answer = null;
      try {
        response = await fetch(config.endpoint, { method: "POST", body, credentials: "omit",
          headers: { "Content-Type": "application/json", Accept: "application/json" } });
        answer = await response.json().catch(() => null);
      } catch (error) {
        response = null; // the server itself is down: retry
      }
      if (response && response.ok && answer && Array.isArray(answer.messages)) {
        return answer.messages;
      }
      const retry = !response || (answer && answer.retry === true);
      if (!retry || attempt >= RETRY_DELAYS_MS.length) {
        throw new Error(failureText(response, answer, message));
      }
      status.textContent = TEXT.retrying;
      await wait(RETRY_DELAYS_MS[attempt]);
    }
  }

  let busy = false;
  function setBusy(value) {
    busy = value;
    sendButton.disabled = value;
    status.textContent = value ? TEXT.typing : "";
  }

  /** Send ``payload``; show ``shown`` (a button's title) or nothing (the silent greeting). */
  async function send(payload, shown) {
    if (busy) return;
    if (payload.length > config.maxChars) {
      alertBox.textContent = TEXT.tooLong(payload.length);
      return;
    }
    alertBox.textContent = "";
    if (shown) addMessages([{ who: "user", text: shown }]);
    else removeChoices();
    setBusy(true);
    try {
      const replies = await post(payload);
      const switched = replies.filter((r) => r.language).pop();
      if (switched) applyLanguage(switched.language);
      addMessages(replies.filter((r) => r.text || r.buttons)
        .map((r) => ({ who: "bot", text: r.text || "", buttons: r.buttons })));
    } catch (error) {
      // Not delivered: take the message back off the screen and give it back to the resident.
      if (shown) {
        state.messages.pop();
        if (list.lastChild) list.lastChild.remove();
        const last = state.messages[state.messages.length - 1];
        if (last && list.lastChild) addChoices(list.lastChild, last); // the choices are back
        save();
        if (payload === shown) input.value = shown;
        updateCounter();
      }
      alertBox.textContent = error.message;
    } finally {
      setBusy(false);
    }
  }

  // ---- privacy controls --------------------------------------------------------------------
  function quickExit() {
    // Clear first, then replace this page in the history, so "Back" does not return here.
    forget();
    state = { sender: newSender(), open: false, messages: [], language: "nl" };
    list.textContent = "";
    input.value = "";
    root.remove();
    window.location.replace(config.exitUrl);
  }

  async function clearConversation() {
    confirmBox.hidden = true;
    if (busy) return;
    setBusy(true);
    alertBox.textContent = "";
    try {
      await post(DELETE);
    } catch (error) {
      alertBox.textContent = TEXT.clearFailed;
      clearButton.focus();
      return;
    } finally {
      setBusy(false);
    }
    forget();
    state = { sender: newSender(), open: true, messages: [], language: state.language };
    list.textContent = "";
    input.value = "";
    updateCounter();
    status.textContent = TEXT.cleared; // said once, kept nowhere
    input.focus();
  }

  // ---- opening and closing -----------------------------------------------------------------
  function open(focus) {
    panel.hidden = false;
    launcher.hidden = true;
    launcher.setAttribute("aria-expanded", "true");
    state.open = true;
    if (state.messages.length) save();
    if (focus) input.focus();
    if (!state.messages.length) send(GREETING);
  }

  function close() {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute("aria-expanded", "false");
    confirmBox.hidden = true;
    state.open = false;
    if (state.messages.length) save();
    launcher.focus();
  }

  launcher.addEventListener("click", () => open(true));
  languageButton.addEventListener("click", () => {
    input.focus();
    send(SWITCH(TEXT.switchLanguage), TEXT.switchTo);
  });
  closeButton.addEventListener("click", close);
  exitButton.addEventListener("click", quickExit);
  clearButton.addEventListener("click", () => {
    confirmBox.hidden = false;
    confirmYes.focus();
  });
  confirmYes.addEventListener("click", clearConversation);
  confirmNo.addEventListener("click", () => {
    confirmBox.hidden = true;
    clearButton.focus();
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || busy) return; // keep the text while an answer is on its way
    if (text.length > config.maxChars) {
      alertBox.textContent = TEXT.tooLong(text.length);
      return;
    }
    input.value = "";
    updateCounter();
    send(text, text);
  });
  input.addEventListener("input", updateCounter);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  // Escape twice in quick succession: leave at once (as on Dutch domestic-violence sites).
  let lastEscape = 0;
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const now = Date.now();
    if (now - lastEscape < DOUBLE_ESCAPE_MS) quickExit();
    lastEscape = now;
  });

  // ---- start: restore what this tab already showed -----------------------------------------
  applyLanguage(TEXT === TEXTS.en ? "en" : "nl");
  log.setAttribute("aria-busy", "true"); // restoring is not news: do not read it all out
  renderAll();
  log.setAttribute("aria-busy", "false");
  if (state.open) open(false);
})();
