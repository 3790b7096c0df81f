/// One hand-written, mobile-first stylesheet with print styles.
enum Stylesheet {
    static let css = #"""
        :root {
          --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --bg: #f5f7fa; --card: #fff;
          --brand: #0b5cad; --brand-dark: #084b8a; --ok: #1b7f3b; --warn: #b25e00; --bad: #c62828;
          --radius: 8px;
          font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif;
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: var(--bg); color: var(--ink); font-size: 16px; line-height: 1.6; }
        a { color: var(--brand); }
        a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible {
          outline: 3px solid #f0b429; outline-offset: 2px;
        }
        .skip { position: absolute; left: -999px; }
        .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; z-index: 10; }
        h1 { font-size: 1.4rem; margin: 0.2rem 0 1rem; line-height: 1.35; }
        h2 { font-size: 1.12rem; margin: 0 0 0.75rem; }
        h3 { font-size: 1rem; margin: 1rem 0 0.5rem; }

        .site-header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; padding: 0.6rem 1rem;
          background: var(--brand); color: #fff; }
        .site-header a { color: #fff; text-decoration: none; }
        .brand { font-weight: 700; font-size: 1.2rem; letter-spacing: 0.1em; }
        .menu { order: 3; width: 100%; }
        .menu > summary { cursor: pointer; list-style: none; padding: 0.25rem 0; min-height: 44px; display: flex; align-items: center; }
        .menu > summary::-webkit-details-marker { display: none; }
        .menu > summary::before { content: "☰ "; }
        .nav { display: flex; flex-direction: column; gap: 0.1rem; }
        .nav.desktop { display: none; }
        .nav a { padding: 0.45rem 0.6rem; border-radius: 6px; min-height: 44px; display: flex; align-items: center; }
        .nav a[aria-current=page], .nav a:hover { background: rgba(255,255,255,0.18); }
        .menu > .nav:has(.navgroup-phone) { display: grid; grid-template-columns: 1fr 1fr; gap: 0 0.5rem; align-items: start; }
        .navgroup-phone { display: flex; flex-direction: column; gap: 0.1rem; margin-top: 0.35rem; }
        .navgroup-title { margin: 0; padding: 0 0.6rem; font-size: 0.8rem; opacity: 0.75; }
        .navgroup { position: relative; }
        .navgroup > summary { list-style: none; cursor: pointer; padding: 0.45rem 0.6rem; border-radius: 6px; }
        .navgroup > summary::-webkit-details-marker { display: none; }
        .navgroup > summary::after { content: " ▾"; font-size: 0.75em; }
        .navgroup[open] > summary, .navgroup.current > summary, .navgroup > summary:hover { background: rgba(255,255,255,0.18); }
        .navgroup-panel { position: absolute; top: calc(100% + 4px); left: 0; z-index: 30; min-width: 9rem; padding: 0.3rem;
          display: flex; flex-direction: column; background: var(--brand-dark); border-radius: 6px; box-shadow: 0 6px 18px rgba(0,0,0,0.2); }
        .who { margin-left: auto; display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.75rem; font-size: 0.9rem; }
        .who .btn.link { color: #fff; }

        main { padding: 1rem; max-width: 960px; margin: 0 auto; }
        main.wide { max-width: 1280px; }
        .site-footer { text-align: center; color: var(--muted); font-size: 0.85rem; padding: 1.5rem 1rem; }
        .site-footer a { margin-left: 0.75rem; }

        .card { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem; margin-bottom: 1rem; }
        .card.narrow { max-width: 420px; margin: 1.5rem auto; }
        .page-head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem; margin-bottom: 0.5rem; }
        .page-head h1 { margin: 0; }
        .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
        .grid-2 { display: grid; gap: 1rem; grid-template-columns: 1fr; }
        .grid-2 > .card { margin-bottom: 0; }
        .grid-2 + * { margin-top: 1rem; }

        .btn { display: inline-block; border: 1px solid var(--brand); border-radius: 6px; padding: 0.5rem 1rem; font: inherit;
          font-size: 0.95rem; line-height: 1.3; cursor: pointer; text-decoration: none; min-height: 44px; }
        .btn.primary { background: var(--brand); color: #fff; }
        .btn.primary:hover { background: var(--brand-dark); }
        .btn.secondary { background: #fff; color: var(--brand); }
        .btn.danger { background: #fff; color: var(--bad); border-color: var(--bad); }
        .btn.link { background: none; border: none; padding: 0; min-height: auto; text-decoration: underline; color: var(--brand); }
        .btn.block { width: 100%; }
        form.inline { display: inline; margin: 0; }

        .field { margin-bottom: 0.9rem; }
        .field label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
        .req { color: var(--bad); margin-left: 0.2rem; }
        input[type=text], input[type=search], input[type=tel], input[type=date], input[type=password], input[type=number], input[type=time],
        input[type=url], input[type=email], input[type=month], input[type=datetime-local], input:not([type]), select, textarea {
          width: 100%; font: inherit; padding: 0.55rem 0.6rem; border: 1px solid #9aa5b1; border-radius: 6px; background: #fff; min-height: 44px; }
        input[type=file] { font: inherit; max-width: 100%; }
        .has-error input, .has-error select, .has-error textarea { border-color: var(--bad); background: #fff8f8; }
        .field-error { color: var(--bad); margin: 0.25rem 0 0; font-size: 0.9rem; }
        .hint { color: var(--muted); font-size: 0.88rem; margin: 0.25rem 0 0; }
        fieldset { border: 1px solid var(--line); border-radius: var(--radius); padding: 0.75rem; margin: 0 0 1rem; min-width: 0; }
        legend { font-weight: 600; padding: 0 0.25rem; }
        .form-actions { display: flex; gap: 1rem; align-items: center; margin-top: 0.5rem; }
        .form-grid { display: grid; grid-template-columns: 1fr; gap: 0 1rem; }
        .checklist { max-height: 22rem; overflow: auto; }
        .check { display: flex; align-items: center; gap: 0.4rem; min-height: 44px; padding: 0.2rem 0; }
        input[type=checkbox], input[type=radio] { width: 1.25rem; height: 1.25rem; flex: none; }
        .filters { display: grid; grid-template-columns: 1fr 1fr; gap: 0 0.75rem; background: var(--card); border: 1px solid var(--line);
          border-radius: var(--radius); padding: 0.75rem 0.75rem 0; margin-bottom: 1rem; }
        .filters .field:first-child { grid-column: 1 / -1; }
        .filters .submit { align-self: end; }
        .inline-upload { margin-top: 1rem; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
        .inline-upload label { width: 100%; font-weight: 600; }

        .alert { border-radius: var(--radius); padding: 0.75rem 1rem; margin-bottom: 1rem; border: 1px solid; }
        .alert p { margin: 0; }
        .alert ul { margin: 0.25rem 0 0; padding-left: 1.25rem; }
        .alert.error { background: #fdecea; border-color: #f5b7b1; color: #8a1c1c; }
        .alert.success { background: #e8f5e9; border-color: #a5d6a7; color: #1b5e20; }
        .alert.warn { background: #fff4e5; border-color: #ffcc80; color: #7a4100; }

        .badge { display: inline-block; font-size: 0.8rem; padding: 0.05rem 0.5rem; border-radius: 999px; background: #e4e7eb; color: var(--ink); margin-left: 0.25rem; white-space: nowrap; }
        .badge.warn { background: #fff0d9; color: var(--warn); }
        .badge.ok { background: #e3f4e8; color: var(--ok); }
        .badge.muted { background: #e4e7eb; color: var(--muted); }
        .muted { color: var(--muted); }
        .empty { color: var(--muted); padding: 0.5rem 0; }

        .todo { margin-bottom: 1rem; }
        .todo > h2 { display: flex; align-items: baseline; gap: 0.5rem; }
        .todo-total { font-size: 0.9rem; font-weight: 400; color: var(--muted); }
        .todo-groups { display: grid; gap: 0.75rem; grid-template-columns: 1fr; align-items: start; }
        .todo-group { margin: 0; padding: 0.75rem 1rem; }
        .todo-group h3 { margin: 0 0 0.25rem; display: flex; justify-content: space-between; align-items: center; }
        .todo-group ul { list-style: none; margin: 0; padding: 0; }
        .todo-group li a { display: flex; flex-wrap: wrap; align-items: center; gap: 0.1rem 0.5rem; min-height: 44px;
          padding: 0.35rem 0; border-top: 1px solid var(--line); text-decoration: none; color: var(--ink); }
        .todo-group li:first-child a { border-top: none; }
        .todo-title { flex: 1 0 100%; color: var(--brand); }
        .todo-group .badge { margin-left: 0; }
        .todo-detail { color: var(--muted); font-size: 0.88rem; }
        .todo-more { margin: 0.25rem 0 0; font-size: 0.9rem; }
        .badge.danger { background: #fde8e8; color: var(--bad); }
        .stats { display: grid; grid-template-columns: repeat(2, 1fr); gap: 0.75rem; margin-bottom: 1rem; }
        .stat { display: flex; flex-direction: column; background: var(--card); border: 1px solid var(--line); border-radius: var(--radius);
          padding: 0.75rem 1rem; text-decoration: none; color: var(--ink); }
        .stat-value { font-size: 1.6rem; font-weight: 700; color: var(--brand); }
        .stat.warn .stat-value { color: var(--warn); }
        .stat.ok .stat-value { color: var(--ok); }
        .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr)); gap: 0.5rem; margin-bottom: 0.75rem; }
        .tile { display: flex; flex-direction: column; padding: 0.5rem 0.75rem; border: 1px solid var(--line); border-radius: 6px;
          text-decoration: none; color: var(--ink); font-size: 0.85rem; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        .tile-name { font-weight: 700; font-size: 1rem; }
        .tile.heat-0 { background: #fde8e8; } .tile.heat-1 { background: #fff0d9; } .tile.heat-2 { background: #f4f6d2; }
        .tile.heat-3 { background: #d7efdf; } .tile.heat-4 { background: #a9dcb9; }
        .tile[aria-current] { outline: 3px solid var(--brand); }
        .stat-label { color: var(--muted); font-size: 0.9rem; }

        .table-wrap { overflow-x: auto; }
        table { width: 100%; border-collapse: collapse; background: var(--card); }
        th, td { text-align: left; padding: 0.55rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: #eef2f7; font-weight: 600; white-space: nowrap; }
        /* On a phone each row becomes a small card: label then value. */
        @media (max-width: 640px) {
          table, thead, tbody, tr, td { display: block; width: 100%; }
          thead { position: absolute; left: -9999px; }
          tr { border: 1px solid var(--line); border-radius: var(--radius); margin-bottom: 0.6rem; padding: 0.25rem 0.5rem; background: var(--card); }
          td { border: none; padding: 0.2rem 0; display: flex; gap: 0.75rem; }
          td::before { content: attr(data-label); flex: 0 0 5.5em; color: var(--muted); font-size: 0.88rem; }
          td[data-label=""]::before { content: none; }
          td:empty { display: none; }
        }
        /* A campaign target's procedure: done steps ticked, the current one filled. */
        .procedure { display: flex; flex-wrap: wrap; gap: 0.35rem; list-style: none; padding: 0; margin: 0.5rem 0 1rem; }
        .procedure li { padding: 0.2rem 0.65rem; border-radius: 999px; background: #e4e7eb; color: var(--muted); font-size: 0.88rem; }
        .procedure li.done { background: #e3f4e8; color: var(--ok); }
        .procedure li.done::before { content: "✓ "; }
        .procedure li.current { background: var(--brand); color: #fff; font-weight: 600; }
        .phase-dots { white-space: nowrap; letter-spacing: 1px; } .phase-dots .dot { color: #b8c0cc; }
        .phase-dots .dot.done { color: var(--ok); } .phase-dots .dot.current { color: var(--warn); }
        .rating-branch { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--line); }
        .rating-item { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 0.6rem 0.8rem; margin-bottom: 0.6rem; }
        .rating-item p { margin: 0.2rem 0; }
        .rating-item.disagree { border-left: 4px solid var(--bad); }
        .choices { display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; }
        .choice { min-height: 44px; display: inline-flex; align-items: center; gap: 0.3rem; }
        .form-actions.sticky { position: sticky; bottom: 0; background: var(--bg); padding: 0.6rem 0; }
        .chart { width: 100%; max-width: 480px; height: auto; }
        figure { margin: 0 0 1rem; }
        figcaption { font-size: .85rem; color: #4b5563; }
        /* The heat map keeps its drawn size and scrolls sideways on a phone (its figures are also in the table). */
        .chart.heat { width: auto; max-width: none; }
        .qr svg { display: block; max-width: 100%; height: auto; }
        .rating-remark summary { cursor: pointer; color: var(--brand); font-size: 0.9rem; }
        .checks { display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; }
        /* An indicator tree: 一级/二级 rows shaded, items indented by depth. */
        .tree tr.branch td { background: #f6f8fb; font-weight: 600; }
        .tree tr.branch.depth-1 td { background: #eaf0f8; }
        .tree td.indent-2 { padding-left: 1.4rem; } .tree td.indent-3 { padding-left: 2.4rem; } .tree td.indent-4 { padding-left: 3.4rem; }
        .tree .hint { font-weight: 400; margin: 0.2rem 0 0; }
        @media (max-width: 640px) {
          .tree td.indent-2, .tree td.indent-3, .tree td.indent-4 { padding-left: 0; }
          .tree td:empty { display: none; }
        }
        .pager { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: 0.75rem 0; color: var(--muted); }
        .changes { margin: 0.25rem 0 0; padding-left: 1.1rem; font-size: 0.88rem; color: var(--muted); }

        .facts { display: grid; grid-template-columns: 7em 1fr; gap: 0.35rem 0.75rem; margin: 0; }
        .facts dt { color: var(--muted); }
        .facts dd { margin: 0; overflow-wrap: anywhere; }
        .person { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
        .person > .facts { flex: 1 1 240px; }
        .person p { margin: 0; }
        .person-name { font-weight: 600; font-size: 1.05rem; }
        .person-inline { display: inline-flex; align-items: center; gap: 0.4rem; }
        .avatar { width: 64px; height: 64px; border-radius: 50%; object-fit: cover; flex: none; }
        .avatar.large { width: 96px; height: 96px; }
        .avatar.small { width: 28px; height: 28px; font-size: 0.85rem; }
        .avatar.placeholder { display: inline-flex; align-items: center; justify-content: center; background: #dbe7f5; color: var(--brand); font-weight: 700; font-size: 1.4rem; }
        .avatar.small.placeholder { font-size: 0.85rem; }
        .school-cards { display: grid; gap: 0.75rem; grid-template-columns: 1fr; }
        .school-card { display: block; text-decoration: none; color: var(--ink); margin: 0; }
        .school-card h2 { color: var(--brand); margin-bottom: 0.25rem; }
        .school-card p { margin: 0; }
        .demo-logins { margin-top: 1.25rem; border-top: 1px dashed var(--line); padding-top: 0.75rem; font-size: 0.92rem; }
        .demo-logins h2 { font-size: 1rem; margin: 0; }
        .demo-logins ul { margin: 0.25rem 0 0; padding-left: 1.2rem; }
        .error-page { text-align: center; padding: 2rem 1rem; }

        /* Visits. */
        .prewrap { white-space: pre-wrap; overflow-wrap: anywhere; }
        .item { border-top: 1px solid var(--line); padding: 0.6rem 0; }
        .item:first-of-type { border-top: none; }
        .item p { margin: 0.15rem 0; }
        .item-title { font-weight: 600; }
        details.add { margin-top: 0.75rem; }
        details.add > summary { list-style: none; display: inline-block; }
        details.add > summary::-webkit-details-marker { display: none; }
        details.add[open] > summary { margin-bottom: 0.75rem; }
        details.add form { border-top: 1px dashed var(--line); padding-top: 0.75rem; }
        .rubric { display: grid; grid-template-columns: 1fr 1fr; gap: 0 0.75rem; }
        .rubric legend { grid-column: 1 / -1; }
        .thumbs { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 0.5rem; }
        .thumbs figure { margin: 0; }
        .thumbs img { width: 100%; height: 110px; object-fit: cover; border-radius: 6px; display: block; }
        .thumbs.small { grid-template-columns: repeat(auto-fill, minmax(88px, 1fr)); margin: 0.25rem 0; }
        .thumbs.small img { height: 72px; }
        .thumbs figcaption { font-size: 0.85rem; color: var(--muted); }
        .findings { list-style: none; padding: 0; margin: 0.5rem 0 0; }
        .findings li { padding: 0.2rem 0; }
        .findings .ok { color: var(--ok); }
        .findings .bad { color: var(--bad); }
        .problem-list { padding-left: 1rem; }
        .quick { margin-bottom: 1rem; }
        .autosave-status { font-size: 0.88rem; }

        /* Compliance matrix and calendar. */
        table.matrix th, table.matrix td { text-align: center; white-space: nowrap; }
        table.matrix th[scope=row] { text-align: left; }
        .cell.ok { background: #e3f4e8; color: var(--ok); }
        .cell.bad { background: #fdecea; color: var(--bad); font-weight: 600; }
        .cell.due { background: #fff4e5; color: var(--warn); }
        @media (max-width: 640px) {
          table.matrix, table.matrix thead, table.matrix tbody, table.matrix tr { display: revert; }
          table.matrix thead { position: static; }
          table.matrix td, table.matrix th { display: table-cell; padding: 0.35rem; font-size: 0.85rem; }
          table.matrix td::before { content: none; }
          table.matrix tr { border: none; padding: 0; }
        }
        .rules { list-style: none; padding: 0; margin: 0 0 0.5rem; display: grid; grid-template-columns: 1fr; gap: 0.4rem; }
        .rule { display: flex; align-items: center; gap: 0.5rem; border: 1px solid var(--line); border-radius: var(--radius); padding: 0.4rem 0.6rem; }
        .rule strong { margin-left: auto; }
        .rule-no { display: inline-flex; width: 1.6rem; height: 1.6rem; border-radius: 50%; align-items: center; justify-content: center; background: #e4e7eb; font-weight: 700; font-size: 0.85rem; }
        .rule.ok strong { color: var(--ok); }
        .rule.bad strong { color: var(--bad); }
        .rule.due strong { color: var(--warn); }

        /* The paper 责任督学工作记录表. */
        .record-form { background: #fff; padding: 1rem; }
        .record-form h1 { text-align: center; letter-spacing: 0.2em; }
        .form-org { text-align: center; margin: 0; color: var(--muted); }
        table.form-table { border: 1px solid #333; }
        table.form-table th, table.form-table td { border: 1px solid #333; vertical-align: top; }
        table.form-table th { width: 6.5em; background: #f3f4f6; white-space: normal; }
        table.form-table td { min-height: 2.5em; }
        @media (max-width: 640px) {
          table.form-table, table.form-table tbody, table.form-table tr { display: table; width: 100%; }
          table.form-table tr { display: table-row; border: none; padding: 0; }
          table.form-table td, table.form-table th { display: table-cell; }
          table.form-table td::before { content: none; }
        }
        .form-foot { text-align: right; font-size: 0.85rem; }

        /* The bell and notifications. */
        .bell { display: inline-flex; align-items: center; gap: 0.25rem; }
        .bell-count { background: #e53935; color: #fff; border-radius: 999px; font-size: 0.75rem; padding: 0 0.4rem; line-height: 1.4; }
        .notifications { list-style: none; padding: 0; }
        .notifications li { padding: 0.6rem 0.75rem; border-bottom: 1px solid var(--line); background: #fff; }
        .notifications li.unread { border-left: 4px solid var(--brand); font-weight: 600; }
        .steps { list-style: none; display: flex; padding: 0; margin: 1rem 0; counter-reset: step; }
        .step { flex: 1; text-align: center; position: relative; font-size: 0.9rem; color: var(--muted); }
        .step::before { counter-increment: step; content: counter(step); display: block; width: 2rem; height: 2rem; line-height: 2rem;
          margin: 0 auto 0.25rem; border-radius: 50%; background: #e4e7eb; color: var(--muted); font-weight: 700; }
        .step.done::before { content: "✓"; background: var(--ok); color: #fff; }
        .step.current::before { background: var(--brand); color: #fff; }
        .step.current .step-label, .step.done .step-label { color: var(--ink); font-weight: 600; }
        .step-label, .step-note { display: block; }
        .copy-status { color: var(--ok); font-size: 0.9rem; }
        .visit-bar { position: sticky; bottom: 0; z-index: 20; margin: 1rem -1rem -1rem; padding: 0.4rem 0.75rem;
          background: #fff; border-top: 1px solid var(--line); box-shadow: 0 -4px 12px rgba(0,0,0,0.06); }
        .visit-bar-sections { display: flex; gap: 0.25rem; overflow-x: auto; }
        .visit-bar-sections a { flex: none; min-height: 44px; display: flex; align-items: center; padding: 0 0.5rem;
          border-radius: 6px; text-decoration: none; color: var(--muted); font-size: 0.9rem; white-space: nowrap; }
        .visit-bar-sections a.done { color: var(--ok); font-weight: 600; }
        .visit-bar-foot { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem; }
        .visit-bar-foot .btn { flex: none; white-space: nowrap; }
        .save-status { font-size: 0.88rem; color: var(--muted); }
        .save-status.ok { color: var(--ok); }
        .save-status.warn { color: var(--warn); font-weight: 600; }
        .outbox ul { margin: 0.25rem 0 0; padding-left: 1.2rem; }
        .limit-note { margin: 0.25rem 0 0; font-size: 0.88rem; color: var(--warn); }
        .limit-note.over { color: var(--bad); font-weight: 600; }
        .tracking-code { font-size: 2rem; user-select: all; font-weight: 700; letter-spacing: 0.1em; text-align: center; background: #eef2f7; padding: 0.75rem; border-radius: var(--radius); }

        /* Tabs. */
        .tabs { display: flex; flex-wrap: wrap; gap: 0.25rem; margin-bottom: 0.75rem; }
        .tabs a { padding: 0.4rem 0.8rem; border: 1px solid var(--line); border-radius: 999px; text-decoration: none; background: #fff; }
        .tabs a[aria-current=page] { background: var(--brand); color: #fff; border-color: var(--brand); }

        /* The official rectification notice. */
        .notice-doc { background: #fff; padding: 1.25rem; margin-bottom: 1rem; border: 1px solid var(--line); }
        .notice-doc h1 { text-align: center; color: #b71c1c; letter-spacing: 0.2em; margin-bottom: 0.25rem; }
        .doc-number { text-align: center; margin-top: 0; }
        .bulletin-doc { max-width: 46rem; margin: 0 auto; background: #fff; padding: 1rem; }
        .bulletin-doc .masthead { color: #c00000; font-size: 2.4rem; font-weight: 700; text-align: center; letter-spacing: .3em; margin: .5rem 0; }
        .bulletin-doc .doc-issuer { display: flex; justify-content: space-between; gap: 1rem; flex-wrap: wrap; }
        .bulletin-doc .red-rule { border: 0; border-top: 3px solid #c00000; margin: .3rem 0 1rem; }
        .bulletin-doc h1 { text-align: center; }
        .bulletin-doc .doc-foot { border-top: 1px solid #000; border-bottom: 1px solid #000; margin-top: 2rem; padding: .3rem 0; }
        .bulletin-doc .doc-foot p { margin: .2rem 0; }
        .bulletin-doc .doc-foot-last { border-top: 1px solid #000; padding-top: .3rem; }
        .bulletin-section .indent, .indent { text-indent: 2em; }
        .doc-copy { text-align: right; color: var(--muted); font-size: 0.85rem; margin: 0; }
        .indent { text-indent: 2em; }
        .doc-sign { text-align: right; margin-top: 1.5rem; }
        .doc-sign p { margin: 0.2rem 0; }
        .receipt { margin-top: 1.5rem; }
        .receipt h2 { text-align: center; letter-spacing: 0.5em; }
        .cut { text-align: center; color: var(--muted); font-size: 0.8rem; white-space: nowrap; overflow: hidden; }
        .doc-sign-line { margin-top: 1.5rem; }

        /* The 挂牌 sign. */
        .sign { background: #fff; border: 6px double var(--brand); padding: 1.5rem; max-width: 760px; margin: 0 auto; }
        .sign header { text-align: center; border-bottom: 2px solid var(--brand); margin-bottom: 1rem; }
        .sign header h1 { font-size: 1.8rem; color: var(--brand); margin: 0.25rem 0; letter-spacing: 0.15em; }
        .sign-org { margin: 0; color: var(--muted); }
        .sign-school { font-size: 1.3rem; font-weight: 700; margin: 0.25rem 0 0.75rem; }
        .sign-body { display: flex; gap: 1.5rem; align-items: center; margin-bottom: 1rem; }
        .avatar.portrait { width: 140px; height: 180px; border-radius: 6px; font-size: 3rem; }
        .big { font-size: 1.35rem; font-weight: 700; }
        .sign footer { border-top: 2px solid var(--brand); margin-top: 1rem; padding-top: 0.5rem; font-weight: 600; }
        .sign footer p { margin: 0.2rem 0; }

        @media (min-width: 700px) {
          .menu { display: none; }
          .nav.desktop { display: flex; flex-direction: row; flex-wrap: wrap; align-items: center; }
          .stats { grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); }
          .rules { grid-template-columns: repeat(3, 1fr); }
          .rubric { grid-template-columns: repeat(5, 1fr); }
          .grid-2 { grid-template-columns: 1fr 1fr; }
          .todo-groups { grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); }
          .form-grid { grid-template-columns: 1fr 1fr; }
          .span-all { grid-column: 1 / -1; }
          .filters { grid-template-columns: 2fr repeat(4, 1fr) auto; }
          .filters .field:first-child { grid-column: auto; }
          .school-cards { grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); }
          main { padding: 1.5rem; }
        }

        /* A form field inside a table row: its label is for screen readers only (the row says what it is). */
        .table-field .field { margin: 0; }
        .table-field .field > label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        @media print {
          @page { size: A4; margin: 15mm; }
          body { background: #fff; font-size: 12pt; }
          .site-header, .site-footer, .no-print, .actions, .pager, .filters, form.inline { display: none !important; }
          main { max-width: none; padding: 0; }
          .card { border: none; padding: 0; }
          a { color: inherit; text-decoration: none; }
          .record-form { padding: 0; }
          .notice-doc { border: none; padding: 0; page-break-after: always; font-size: 12pt; }
          .notice-doc:last-of-type { page-break-after: auto; }
          table.form-table { font-size: 10.5pt; }
          table.form-table td { height: auto; }
          .sign { border-width: 8px; max-width: none; min-height: 240mm; padding: 10mm; page-break-inside: avoid; }
          table { font-size: 10.5pt; }
          thead { display: table-header-group; }
          tr { page-break-inside: avoid; }
        }
        """#
}
