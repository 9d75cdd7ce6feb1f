// Progressive enhancement for the authors' forms. Everything here also works without it: the
// server adds and removes author rows, checks the phone and address on submit, and ignores a
// second submission. With it: rows change without a round trip, the phone and the address are
// checked as they are typed (by the server's own rules, through a small JSON endpoint), and a
// form cannot be sent twice by a double click. No inline script or style: the CSP forbids them.
(() => {
  const MAX_AUTHORS = 8;

  function text(form, name, fallback) {
    return form.getAttribute(`data-text-${name}`) || fallback;
  }

  function fill(template, n) {
    return template.replace('{n}', String(n));
  }

  // --- Author rows -------------------------------------------------------------------------

  function rows(form) {
    return Array.prototype.slice.call(form.querySelectorAll('fieldset.author'));
  }

  function renumberRow(form, row, i) {
    row.setAttribute('data-author-row', String(i));
    const legend = row.querySelector('legend');
    if (legend) legend.textContent = fill(text(form, 'author', 'Auteur {n}'), i + 1);
    const rename = (value) => (value ? value.replace(/^a\d+-/, `a${i}-`) : value);
    row.querySelectorAll('[id^="a"], [name^="a"], label[for^="a"], [aria-describedby]').forEach((el) => {
      if (/^a\d+-/.test(el.id)) el.id = rename(el.id);
      const name = el.getAttribute('name');
      if (name && /^a\d+-/.test(name)) el.setAttribute('name', rename(name));
      const target = el.getAttribute('for');
      if (target && /^a\d+-/.test(target)) el.setAttribute('for', rename(target));
      const described = el.getAttribute('aria-describedby');
      if (described) {
        el.setAttribute(
          'aria-describedby',
          described
            .split(' ')
            .map((id) => rename(id))
            .join(' '),
        );
      }
    });
    const radio = row.querySelector('input[type="radio"][name="contact"]');
    if (radio) {
      radio.value = String(i);
      radio.id = i === 0 ? 'contact' : `contact-${i}`;
    }
    const remove = row.querySelector('[data-remove-author]');
    if (remove) {
      remove.value = `retirer-${i}`;
      remove.textContent = fill(text(form, 'remove', 'Retirer l’auteur {n}'), i + 1);
    }
  }

  function ensureRemoveButton(row) {
    if (row.querySelector('[data-remove-author]')) return;
    const p = document.createElement('p');
    const button = document.createElement('button');
    button.type = 'submit';
    button.name = 'action';
    button.className = 'secondary';
    button.setAttribute('data-remove-author', '');
    p.appendChild(button);
    row.appendChild(p);
  }

  function refresh(form) {
    const all = rows(form);
    all.forEach((row, i) => {
      if (all.length > 1) ensureRemoveButton(row);
      else {
        const remove = row.querySelector('[data-remove-author]');
        if (remove?.parentNode) remove.parentNode.remove();
      }
      renumberRow(form, row, i);
    });
    if (all.length === 1) {
      const radio = all[0].querySelector('input[type="radio"][name="contact"]');
      if (radio) radio.checked = true;
    }
    const add = form.querySelector('[data-add-author]');
    if (add) add.hidden = all.length >= MAX_AUTHORS;
  }

  function announce(form, message) {
    const status = form.querySelector('[data-author-status]');
    if (status) status.textContent = message;
  }

  function addRow(form) {
    const all = rows(form);
    const last = all[all.length - 1];
    if (!last || all.length >= MAX_AUTHORS) return;
    const row = last.cloneNode(true);
    row.querySelectorAll('.field-messages').forEach((el) => {
      el.remove();
    });
    row.querySelectorAll('input').forEach((input) => {
      if (input.type === 'radio') input.checked = false;
      else input.value = '';
      input.removeAttribute('aria-invalid');
      input.removeAttribute('autofocus');
      const described = (input.getAttribute('aria-describedby') || '')
        .split(' ')
        .filter((id) => id && !/-erreur$/.test(id));
      if (described.length) input.setAttribute('aria-describedby', described.join(' '));
      else input.removeAttribute('aria-describedby');
    });
    last.parentNode.insertBefore(row, last.nextSibling);
    refresh(form);
    const first = row.querySelector('input[type="text"]');
    if (first) first.focus();
    announce(form, fill(text(form, 'added', 'Auteur {n} ajouté.'), rows(form).length));
  }

  function removeRow(form, button) {
    const row = button.closest('fieldset.author');
    const all = rows(form);
    if (!row || all.length <= 1) return;
    const index = all.indexOf(row);
    row.remove();
    refresh(form);
    const left = rows(form);
    const next = left[Math.min(index, left.length - 1)];
    const focus = next?.querySelector('input[type="text"]');
    if (focus) focus.focus();
    announce(form, fill(text(form, 'removed', 'Auteur {n} retiré.'), index + 1));
  }

  // --- Contact details checked as they are typed ---------------------------------------------

  function render(container, findings, field) {
    while (container.firstChild) container.removeChild(container.firstChild);
    const box = document.createElement('div');
    box.className = 'field-messages';
    box.id = `${field.id}-erreur`;
    findings.forEach((f) => {
      const p = document.createElement('p');
      p.className = `finding ${f.severity}`;
      p.textContent = f.message;
      if (f.fix) {
        const fix = document.createElement('span');
        fix.className = 'fix';
        fix.textContent = f.fix;
        p.appendChild(fix);
      }
      box.appendChild(p);
    });
    if (findings.length) container.appendChild(box);
    const hint = (field.getAttribute('aria-describedby') || '')
      .split(' ')
      .filter((id) => id && !/-erreur$/.test(id));
    if (findings.length) hint.push(box.id);
    if (hint.length) field.setAttribute('aria-describedby', hint.join(' '));
    else field.removeAttribute('aria-describedby');
    if (findings.some((f) => f.severity === 'error')) field.setAttribute('aria-invalid', 'true');
    else field.removeAttribute('aria-invalid');
  }

  function liveCheck(form) {
    const url = form.getAttribute('data-check-url');
    const fields = Array.prototype.slice.call(form.querySelectorAll('[data-live-check]'));
    const csrf = form.querySelector('input[name="_csrf"]');
    if (!url || !fields.length || !csrf || !window.fetch) return;
    let timer = null;
    let sequence = 0;
    const value = (name) => {
      const el = form.querySelector(`[data-live-check="${name}"]`);
      return el ? el.value : '';
    };
    const run = () => {
      const mine = ++sequence;
      fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf.value },
        body: JSON.stringify({ telephone: value('telephone'), adresse: value('adresse') }),
      })
        .then((response) => (response.ok ? response.json() : null))
        .then((result) => {
          if (!result || mine !== sequence) return;
          fields.forEach((field) => {
            const name = field.getAttribute('data-live-check');
            const container = form.querySelector(`[data-live-result="${name}"]`);
            if (container && Array.isArray(result[name])) render(container, result[name], field);
          });
        })
        .catch(() => {
          // Offline or refused: the same check runs on submit.
        });
    };
    fields.forEach((field) => {
      field.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(run, 700);
      });
      field.addEventListener('change', () => {
        clearTimeout(timer);
        run();
      });
    });
  }

  // --- One submission per click -----------------------------------------------------------

  function once(form) {
    let sent = false;
    // Back to this page from the browser's cache: the form may be used again.
    window.addEventListener('pageshow', (event) => {
      if (!event.persisted) return;
      sent = false;
      form.removeAttribute('aria-busy');
      form.querySelectorAll('button[type="submit"]').forEach((b) => {
        b.disabled = false;
      });
    });
    form.addEventListener('submit', (event) => {
      if (sent) {
        event.preventDefault();
        return;
      }
      sent = true;
      form.setAttribute('aria-busy', 'true');
      // After the browser has read the form (a disabled button would not send its value).
      setTimeout(() => {
        form.querySelectorAll('button[type="submit"]').forEach((b) => {
          b.disabled = true;
        });
      }, 0);
    });
  }

  // --- The deadline in the visitor's own time ----------------------------------------------

  // The page gives the deadline in the call's time zone (Paris); a visitor elsewhere (La Réunion,
  // Montréal) also reads it in their device's time, when that zone differs.
  function localTime(el) {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const at = new Date(el.getAttribute('datetime') || '');
    if (!zone || zone === el.getAttribute('data-zone') || Number.isNaN(at.getTime())) return;
    const formatted = new Intl.DateTimeFormat(el.getAttribute('data-locale') || undefined, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(at);
    const span = document.createElement('span');
    span.className = 'local-time';
    span.textContent = ` ${(el.getAttribute('data-local-template') || '({time})').replace('{time}', formatted)}`;
    el.after(span);
  }

  document.querySelectorAll('time[data-zone]').forEach(localTime);
  document.querySelectorAll('form[data-author-form]').forEach((form) => {
    form.addEventListener('click', (event) => {
      const button = event.target.closest ? event.target.closest('button') : null;
      if (!button) return;
      if (button.hasAttribute('data-add-author')) {
        event.preventDefault();
        addRow(form);
      } else if (button.hasAttribute('data-remove-author')) {
        event.preventDefault();
        removeRow(form, button);
      }
    });
    liveCheck(form);
  });
  document.querySelectorAll('form').forEach(once);
})();
