/// The page script: plain JavaScript, no framework. Every page works without it; with it, forms warn before a
/// length limit and open on their first error, and the visit page saves in place and keeps working offline.
enum Script {
    static let js = #"""
        'use strict';
        // ---- Every page --------------------------------------------------------------------------------------
        document.addEventListener('submit', function (e) {
          var msg = e.target.getAttribute('data-confirm');
          if (msg && !window.confirm(msg)) { e.preventDefault(); return; }
          remember(e.target);
        }, true);

        // A form that does not go through (the session ended, the page expired, the server failed) is filled again
        // when the user comes back to it: what was sent stays in this tab until a page other than the login page or
        // an error page answers it. Passwords, tokens and files are never kept.
        var SENT = 'dudao-sent';
        function remember(form) {
          var action = form.getAttribute('action') || '';
          if ((form.getAttribute('method') || '').toLowerCase() !== 'post' || /^\/(login|logout)$/.test(action) || form.closest('[data-outbox]')) return;
          var fields = [];
          new FormData(form).forEach(function (v, k) {
            var input = form.querySelector('[name="' + k + '"]');
            if (typeof v === 'string' && k !== '_csrf' && !(input && input.type === 'password')) fields.push([k, v]);
          });
          try { sessionStorage.setItem(SENT, JSON.stringify({ action: action, fields: fields })); } catch (err) {}
        }
        function recover() {
          var sent;
          try { sent = JSON.parse(sessionStorage.getItem(SENT) || 'null'); } catch (err) { sent = null; }
          if (!sent) return;
          if (document.querySelector('.error-page, form[action="/login"]')) {
            sent.interrupted = true;
            sessionStorage.setItem(SENT, JSON.stringify(sent));
            return;
          }
          if (!sent.interrupted) { sessionStorage.removeItem(SENT); return; }  // it went through
          var form = Array.prototype.find.call(document.querySelectorAll('form[method=post]'), function (f) { return f.getAttribute('action') === sent.action; });
          if (!form) return;  // kept until the user reaches the form again
          var named = {};
          sent.fields.forEach(function (f) { (named[f[0]] = named[f[0]] || []).push(f[1]); });
          Object.keys(named).forEach(function (name) {
            form.querySelectorAll('[name="' + name + '"]').forEach(function (el) {
              if (el.type === 'checkbox' || el.type === 'radio') el.checked = named[name].indexOf(el.value) >= 0;
              else if (el.type !== 'file' && el.type !== 'hidden') el.value = named[name][0];
            });
          });
          var note = document.createElement('p');
          note.className = 'alert warn';
          note.textContent = '已填回您上次未能提交的内容，请核对后重新提交。';
          form.prepend(note);
          form.scrollIntoView({ block: 'start' });
          sessionStorage.removeItem(SENT);
        }

        // A refused form opens on its first error, with the cursor in that field.
        function showFirstError(root) {
          var bad = (root || document).querySelector('.has-error, .alert.error');
          if (!bad) return;
          var details = bad.closest('details');
          if (details) details.open = true;
          bad.scrollIntoView({ block: 'center' });
          var input = bad.querySelector('input:not([type=hidden]), select, textarea');
          if (input) input.focus({ preventScroll: true });
        }

        // Long text: from 80 % of the limit the field says how much is typed; past it, how much to cut. Nothing is cut.
        document.addEventListener('input', function (e) {
          var el = e.target, limit = +(el.getAttribute && el.getAttribute('data-limit'));
          if (!limit) return;
          var note = el.parentNode.querySelector('.limit-note');
          if (!note) { note = document.createElement('p'); note.className = 'limit-note'; note.setAttribute('aria-live', 'polite'); el.after(note); }
          var n = Array.from(el.value).length;
          note.classList.toggle('over', n > limit);
          note.textContent = n < limit * 0.8 ? '' : n > limit ? '已输入' + n + '字，超出' + (n - limit) + '字，请删减到' + limit + '字以内' : '已输入' + n + '字，最多' + limit + '字';
        });

        document.addEventListener('click', function (e) {
          var t = e.target.closest('[data-print]');
          if (t) { e.preventDefault(); window.print(); }
          // 复制查询码: the text of the element named by data-copy goes to the clipboard.
          var copy = e.target.closest('[data-copy]');
          if (copy) {
            var source = document.getElementById(copy.getAttribute('data-copy'));
            var status = copy.parentNode.querySelector('.copy-status');
            var said = function (m) { if (status) status.textContent = m; };
            if (source && navigator.clipboard) {
              navigator.clipboard.writeText(source.textContent.trim()).then(function () { said(copy.getAttribute('data-copied')); },
                function () { said('复制未成功，请长按查询码手动复制'); });
            } else { said('请长按查询码手动复制'); }
          }
          // One drop-down of the bar open at a time; a click elsewhere closes it.
          var group = e.target.closest('.navgroup');
          document.querySelectorAll('.navgroup[open]').forEach(function (d) { if (d !== group) d.removeAttribute('open'); });
          // Signing out forgets the pages kept for offline use.
          if (e.target.closest('form[action="/logout"] button') && window.caches) caches.delete('dudao-pages');
        });
        document.addEventListener('keydown', function (e) {
          if (e.key === 'Escape') document.querySelectorAll('.navgroup[open]').forEach(function (d) { d.removeAttribute('open'); });
        });

        // Autosave: forms marked data-autosave are sent in the background a moment after typing stops.
        function setUpAutosave(root) {
          root.querySelectorAll('form[data-autosave]').forEach(function (form) {
            var timer = null, status = form.querySelector('.autosave-status');
            function save() {
              if (!navigator.onLine) return;
              fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), headers: { 'X-Autosave': '1' }, credentials: 'same-origin' })
                .then(function (r) { if (status) status.textContent = r.ok ? '已自动保存 ' + clock() : '自动保存未成功，请检查填写内容后点“保存”'; })
                .catch(function () { if (status) status.textContent = '网络中断，恢复后请点“保存”'; });
            }
            form.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(save, 1500); });
          });
        }

        // Fields that only matter for some choices of a select (data-show-for names it, data-values lists the
        // choices, '|' between) are hidden for the others; without the script every field shows.
        function showFor(root) {
          root.querySelectorAll('[data-show-for]').forEach(function (el) {
            var form = el.closest('form');
            var select = form && form.querySelector('[name="' + el.getAttribute('data-show-for') + '"]');
            if (select) el.hidden = el.getAttribute('data-values').split('|').indexOf(select.value) < 0;
          });
        }
        document.addEventListener('change', function (e) {
          if (e.target.form && e.target.tagName === 'SELECT') showFor(e.target.form);
        });

        function clock() { var t = new Date(); return t.getHours() + ':' + String(t.getMinutes()).padStart(2, '0'); }

        // ---- The visit page: save in place, an outbox that survives a lost connection and a closed browser ----
        // Each form sent from the page goes into the outbox (IndexedDB) first, then to the server in order; the
        // server's answer replaces the page's content. Without a connection the items wait, listed on the page,
        // and go when it returns. Each item carries a one-time key (X-Once) so a resend never saves twice.
        var Outbox = {
          db: null,
          open: function () {
            if (Outbox.db) return Promise.resolve(Outbox.db);
            return new Promise(function (ok, fail) {
              var req = indexedDB.open('dudao', 1);
              req.onupgradeneeded = function () { req.result.createObjectStore('outbox', { keyPath: 'id', autoIncrement: true }); };
              req.onsuccess = function () { Outbox.db = req.result; ok(req.result); };
              req.onerror = function () { fail(req.error); };
            });
          },
          run: function (mode, work) {
            return Outbox.open().then(function (db) {
              return new Promise(function (ok, fail) {
                var tx = db.transaction('outbox', mode), store = tx.objectStore('outbox'), out = work(store);
                tx.oncomplete = function () { ok(out && out.result !== undefined ? out.result : out); };
                tx.onerror = function () { fail(tx.error); };
              });
            });
          },
          add: function (item) { return Outbox.run('readwrite', function (s) { return s.add(item); }); },
          remove: function (id) { return Outbox.run('readwrite', function (s) { s.delete(id); }); },
          put: function (item) { return Outbox.run('readwrite', function (s) { s.put(item); }); },
          all: function () { return Outbox.run('readonly', function (s) { return s.getAll(); }); }
        };

        var page = null;        // the visit page's path, when this is one
        var sending = false, again = false;

        function key() {
          if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
          return 'k-' + Date.now().toString(16) + '-' + Math.random().toString(16).slice(2) + '-' + Math.random().toString(16).slice(2);
        }

        // A photo is made smaller on the phone (longest side at most 1600 px, JPEG) before it is kept and sent.
        function downscale(file, longest) {
          if (!file.type || file.type.indexOf('image/') !== 0 || !window.createImageBitmap) return Promise.resolve(file);
          return createImageBitmap(file).then(function (img) {
            var scale = Math.min(1, longest / Math.max(img.width, img.height));
            if (scale === 1 && file.type === 'image/jpeg') return file;
            var canvas = document.createElement('canvas');
            canvas.width = Math.round(img.width * scale); canvas.height = Math.round(img.height * scale);
            canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
            return new Promise(function (ok) {
              canvas.toBlob(function (blob) {
                ok(blob ? new File([blob], file.name.replace(/\.[^.]*$/, '') + '.jpg', { type: 'image/jpeg' }) : file);
              }, 'image/jpeg', 0.85);
            });
          }).catch(function () { return file; });
        }

        // What a form sends, as plain values IndexedDB can keep (files as Blobs, photos made smaller first).
        function capture(form, submitter) {
          var data = new FormData(form), fields = [], files = [], waits = [];
          if (submitter && submitter.name) data.append(submitter.name, submitter.value);
          data.forEach(function (value, name) {
            if (value instanceof File) {
              if (!value.name && !value.size) return;
              var input = form.querySelector('input[type=file][name="' + name + '"]');
              var longest = input && +input.getAttribute('data-downscale');
              waits.push((longest ? downscale(value, longest) : Promise.resolve(value)).then(function (f) { files.push([name, f, f.name]); }));
            } else { fields.push([name, value]); }
          });
          var title = form.getAttribute('data-label') || (submitter && submitter.textContent) || '保存';
          return Promise.all(waits).then(function () {
            return { page: page, action: form.getAttribute('action'), fields: fields, files: files, label: title.trim(), key: key(), at: Date.now() };
          });
        }

        function body(item) {
          var data = new FormData(), token = document.querySelector('input[name=_csrf]');
          // The form token of the session that sends it (the user may have signed in again since).
          item.fields.forEach(function (f) { data.append(f[0], f[0] === '_csrf' && token ? token.value : f[1]); });
          item.files.forEach(function (f) { data.append(f[0], f[1], f[2]); });
          return data;
        }

        // Puts the server's page in place of this one's content, where the reader was.
        function swap(html, status) {
          var doc = new DOMParser().parseFromString(html, 'text/html'), main = doc.querySelector('main');
          if (!main) return;
          var y = window.scrollY;
          document.querySelector('main').replaceWith(main);
          document.title = doc.title;
          setUp(main);
          if (status === 422) { showFirstError(main); } else { window.scrollTo(0, y); keepForOffline(html); }
        }

        // The page as the server last sent it, kept for reopening without a connection (the service worker answers
        // with it); without `html`, fetched afresh.
        function keepForOffline(html) {
          if (!page || !window.caches) return;
          caches.open('dudao-pages').then(function (c) {
            return html ? c.put(page, new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } })) : c.add(page);
          }).catch(function () {});
        }

        function say(text, tone) {
          var bar = document.getElementById('save-status');
          if (!bar) return;
          bar.textContent = text;
          bar.className = 'save-status ' + (tone || '');
        }

        // Sends the waiting items of this page in order; stops at the first that cannot go now. An item added while
        // a round is under way goes in another round right after it.
        function flush() {
          if (!page) return Promise.resolve();
          if (sending) { again = true; return Promise.resolve(); }
          sending = true;
          again = false;
          return Outbox.all().then(function (items) {
            var mine = items.filter(function (i) { return i.page === page && !i.refused; });
            function next(k) {
              // "已保存" only when something was sent.
              if (k >= mine.length) return Promise.resolve(mine.length > 0);
              var item = mine[k];
              return fetch(item.action, { method: 'POST', body: body(item), credentials: 'same-origin', headers: { 'X-Once': item.key, 'X-Outbox': '1' } })
                .then(function (r) {
                  var path = new URL(r.url).pathname;
                  return r.text().then(function (html) {
                    if (path === '/login') {
                      // Signed out meanwhile: the item stays, and goes once the user has signed in and come back.
                      say('登录已过期：请重新登录后回到本页，未发送的内容保存在本机，会自动发送', 'warn');
                      return false;
                    }
                    // Saved (the visit page again), or refused with the page showing why and what was typed.
                    if ((path === page && r.ok) || r.status === 422) {
                      return Outbox.remove(item.id).then(function () {
                        swap(html, r.status);
                        return r.status === 422 ? false : next(k + 1);
                      });
                    }
                    if (r.ok) { return Outbox.remove(item.id).then(function () { location.assign(r.url); return false; }); }
                    if (r.status === 403 || r.status === 404 || r.status === 409) {
                      // Refused for good (the record was submitted or deleted elsewhere): never overwrite it; keep
                      // the item on the phone and say why, in the server's words.
                      var why = new DOMParser().parseFromString(html, 'text/html').querySelector('main p');
                      item.refused = '没有保存：' + (why ? why.textContent.trim() : '这份记录已在别处提交或删除');
                      return Outbox.put(item).then(function () { return next(k + 1); });
                    }
                    say('服务器暂时无法保存（' + r.status + '），稍后自动重试', 'warn');
                    return false;
                  });
                });
            }
            return next(0);
          }).then(function (done) {
            if (done === true) say('已保存 ' + clock(), 'ok');
          }).catch(function () {
            say('网络已断开：填写的内容保存在本机，联网后自动发送', 'warn');
          }).then(function () {
            sending = false;
            if (again) return flush();
            return showOutbox();
          });
        }

        // The items still on the phone, at the top of the page, with what happened to each.
        function showOutbox() {
          if (!page) return Promise.resolve();
          return Outbox.all().then(function (items) {
            var mine = items.filter(function (i) { return i.page === page; });
            var box = document.getElementById('outbox');
            if (!box) return;
            box.hidden = mine.length === 0;
            var list = box.querySelector('ul');
            list.textContent = '';
            box.querySelector('.outbox-count').textContent = String(mine.length);
            mine.forEach(function (i) {
              var li = document.createElement('li');
              li.textContent = i.label + '（' + new Date(i.at).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' }) + '）' + (i.refused ? '：' + i.refused : '：待发送');
              if (i.refused) {
                var drop = document.createElement('button');
                drop.type = 'button'; drop.className = 'btn link'; drop.textContent = '放弃这一项';
                drop.addEventListener('click', function () { Outbox.remove(i.id).then(showOutbox); });
                li.append(' ', drop);
              }
              list.append(li);
            });
          }).catch(function () {});
        }

        document.addEventListener('submit', function (e) {
          var form = e.target;
          // Deleting the draft leaves the page: it goes the ordinary way.
          if (e.defaultPrevented || !page || !form.closest('[data-outbox]') || /\/delete$/.test(form.getAttribute('action')) || !window.indexedDB) return;
          e.preventDefault();
          var submitter = e.submitter;
          if (submitter) submitter.disabled = true;
          say('正在保存…', '');
          capture(form, submitter).then(function (item) {
            return Outbox.add(item);
          }).then(function () {
            // A form that adds a record is emptied for the next one; a form that edits one (data-keep) keeps what is typed.
            if (!navigator.onLine) { say('网络已断开：已保存在本机，联网后自动发送', 'warn'); if (!form.hasAttribute('data-keep')) form.reset(); return showOutbox(); }
            return flush();
          }).catch(function () {
            say('本机无法暂存，正在直接提交…', 'warn');
            form.submit();
          }).then(function () { if (submitter) submitter.disabled = false; });
        });

        function setUp(root) {
          setUpAutosave(root);
          var visit = root.querySelector('[data-outbox]');
          page = visit ? visit.getAttribute('data-outbox') : null;
          if (page) showOutbox();
        }

        window.addEventListener('online', function () { say('网络已恢复，正在发送…', ''); flush(); });
        window.addEventListener('offline', function () { say('网络已断开：填写的内容保存在本机，联网后自动发送', 'warn'); });

        function start() {
          recover();
          setUp(document);
          showFor(document);
          showFirstError(document);
          if (page) {
            if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(function () {});
            if (navigator.onLine) keepForOffline();
            if (!navigator.onLine) say('网络已断开：这是本机保存的页面，填写的内容联网后自动发送', 'warn');
            else flush();
            setInterval(function () { if (navigator.onLine) flush(); }, 20000);
          }
        }
        if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
        """#
}

/// Keeps the visit and rating pages (and the stylesheet and script) on the phone, so such a page reopens without a
/// connection: the network first, the kept copy when there is none. Nothing else is cached.
enum ServiceWorker {
    static let js = #"""
        'use strict';
        var PAGES = 'dudao-pages';
        self.addEventListener('install', function (e) {
          self.skipWaiting();
          e.waitUntil(caches.open(PAGES).then(function (c) { return c.addAll(['/assets/app.css', '/assets/app.js']); }));
        });
        self.addEventListener('activate', function (e) { e.waitUntil(self.clients.claim()); });
        self.addEventListener('fetch', function (e) {
          var req = e.request, url = new URL(req.url);
          if (req.method !== 'GET' || url.origin !== self.location.origin) return;
          if (!/^\/(visits\/\d+|campaign-targets\/\d+\/(rate|team))$/.test(url.pathname) && !/^\/assets\//.test(url.pathname)) return;
          e.respondWith(fetch(req).then(function (res) {
            if (res.ok && !res.redirected) { var copy = res.clone(); caches.open(PAGES).then(function (c) { c.put(url.pathname, copy); }); }
            return res;
          }).catch(function () {
            return caches.match(url.pathname).then(function (kept) {
              return kept || new Response('<!DOCTYPE html><meta charset="utf-8"><title>无网络</title><p>当前没有网络，这个页面没有保存在本机。联网后请重新打开。</p>',
                { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
            });
          }));
        });
        """#
}
