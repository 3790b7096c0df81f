import DudaoCore
import Plot

/// What every page's frame shows: who is signed in, the form token, the current path, the one-time
/// message, the unread count, demo mode and today. Plain values, built by `Request.pageContext()`.
struct PageContext: Sendable {
    var principal: Principal?
    var csrf: String
    var path: String
    var flash: String?
    var demo: Bool
    /// Unread notifications, loaded by the session middleware.
    var unread: Int
    /// Today, from the application's clock (views never ask the system).
    var today: Day
}

/// A rendered page: the HTML and the status it is sent with.
struct Page: Sendable {
    let html: String
    var status: Int = 200
}

extension Page {
    init(_ document: HTML, status: Int = 200) { self.init(html: document.render(), status: status) }
}

enum Layout {
    /// The account in the header: its name, and its role only where the name does not already say it
    /// ("督导室 陈立新", not "督导室 陈立新（督导室）").
    static func whoIs(_ p: Principal) -> String {
        p.displayName.contains(p.role.label) ? p.displayName : "\(p.displayName)（\(p.role.label)）"
    }

    /// The frame of a signed-in or public page, as a document (tests render it indented for snapshots).
    static func document(
        _ title: String, _ ctx: PageContext, wide: Bool = false, printable: Bool = false,
        _ content: [Node<HTML.BodyContext>]
    ) -> HTML {
        HTML(
            .lang(.chinese),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // Not Plot's `.title`: it also writes og:/twitter: meta tags with the title unescaped in attributes.
                .element(named: "title", nodes: [.text(title + " · 督导")]),
                .link(.rel(.stylesheet), .href(SiteURL.stylesheet.path)),
                .link(.attribute(named: "rel", value: "icon"), .href("data:,")),
                .script(.src(SiteURL.script.path), .attribute(named: "defer"))
            ),
            .body(
                .class(printable ? "printable" : ""),
                .a(.class("skip"), .href("#main"), .text("跳到正文")),
                header(ctx),
                .main(.id("main"), .class(wide ? "wide" : ""), .flash(ctx.flash), .group(content)),
                .footer(
                    .class("site-footer"), .text("督导 · 区县教育督导工作平台"),
                    .a(.href(SiteURL.publicHome.path), .text("公开信息")))
            )
        )
    }

    static func page(
        _ title: String, _ ctx: PageContext, wide: Bool = false, printable: Bool = false,
        _ content: Node<HTML.BodyContext>...
    ) -> Page {
        Page(document(title, ctx, wide: wide, printable: printable, content))
    }

    static func header(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        guard let p = ctx.principal else {
            return .header(
                .class("site-header"),
                .a(.class("brand"), .href(SiteURL.publicHome.path), .text("督导")),
                .nav(.class("nav"), .link(SiteURL.login.path, "登录")))
        }
        // A closed <details> hides its content whatever the CSS says, so the phone menu and the
        // desktop bar are two copies of the same links, each shown at its own width.
        let links: [Node<HTML.BodyContext>] = navItems(p.role).map { item in
            let current = item.0 == "/" ? ctx.path == "/" : ctx.path.hasPrefix(item.0)
            return .a(.href(item.0), current ? .attribute(named: "aria-current", value: "page") : .empty, .text(item.1))
        }
        return .header(
            .class("site-header"),
            .a(.class("brand"), .href(SiteURL.home.path), .text("督导")),
            .details(
                .class("menu"),
                .summary(.ariaLabel("菜单"), .text("菜单")),
                .nav(.class("nav"), .ariaLabel("主导航"), .group(links))),
            .nav(.class("nav desktop"), .ariaLabel("主导航"), .group(links)),
            .div(
                .class("who"),
                .a(
                    .href(SiteURL.notifications.path), .class("bell"), .text("消息"),
                    ctx.unread > 0
                        ? .span(.class("bell-count"), .ariaLabel("\(ctx.unread)条未读"), .text(String(ctx.unread)))
                        : .empty),
                .span(.text(Layout.whoIs(p))),
                .link(SiteURL.password.path, "修改密码"),
                .postButton(SiteURL.logout.path, "退出", csrf: ctx.csrf, style: "link")))
    }
    static func navItems(_ role: Role) -> [(String, String)] {
        let home = (SiteURL.home.path, "首页")
        // The leader reads what the office reads; the office also imports, reads the audit trail and sets the
        // district up; the admin also keeps the accounts.
        let leader: [(String, String)] = [
            home, (SiteURL.schools.path, "学校"), (SiteURL.inspectors.path, "督学"), (SiteURL.areas.path, "责任区"),
            (SiteURL.coverage.path, "挂牌覆盖"), (SiteURL.compliance.path, "六个一"), (SiteURL.visits.path, "督导记录"),
            (SiteURL.problems.path, "问题台账"),
            (SiteURL.notices.path, "整改通知"), (SiteURL.complaints.path, "举报投诉"), (SiteURL.accountability.path, "问责"),
            (SiteURL.areaPlans.path, "片区计划"), (SiteURL.reports.path, "总结案例"),
        ]
        let office =
            leader + [
                (SiteURL.importPage.path, "导入导出"), (SiteURL.audit.path, "操作记录"), (SiteURL.settings.path, "设置"),
            ]
        switch role {
        case .admin:
            return office + [(SiteURL.accounts.path, "账号")]
        case .office:
            return office
        case .leader:
            return leader
        case .inspector:
            return [
                home, (SiteURL.schools.path, "我的学校"), (SiteURL.visits.path, "督导记录"), (SiteURL.problems.path, "问题台账"),
                (SiteURL.notices.path, "整改通知"), (SiteURL.complaints.path, "举报投诉"),
                (SiteURL.visitPlans.path, "督导方案"),
                (SiteURL.areaPlans.path, "片区计划"), (SiteURL.reports.path, "总结案例"),
            ]
        case .school:
            return [
                home, (SiteURL.notices.path, "整改通知"), (SiteURL.visits.path, "督导记录"), (SiteURL.problems.path, "本校问题"),
            ]
        }
    }
}
