import DudaoCore
import Foundation
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

    init(_ document: FramedDocument, status: Int = 200) { self.init(html: document.render(), status: status) }

    /// Where a kept part goes in its rendered frame: a comment, which no text node can write (Plot escapes "<").
    static let keptMarker = "<!--kept-->"

    /// The page `document(.raw(drawn))` renders, byte for byte, around a part drawn once and kept (`FiguresCache`'s
    /// draw): the frame is rendered with a marker in the part's place and the part written in there, instead of
    /// copying its tens of kilobytes through the buffer of every element that encloses it.
    init(around drawn: String, status: Int = 200, _ document: (Node<HTML.BodyContext>) -> FramedDocument) {
        var frame = document(.raw(Self.keptMarker)).render()
        guard let offset = Self.keptMarkerOffset(in: &frame) else {
            self.init(document(.raw(drawn)), status: status)
            return
        }
        let at = frame.utf8.index(frame.utf8.startIndex, offsetBy: offset)
        let after = frame.utf8.index(at, offsetBy: Self.keptMarkerBytes.count)
        var html = ""
        html.reserveCapacity(frame.utf8.count + drawn.utf8.count)
        html += frame[..<at]
        html += drawn
        html += frame[after...]
        self.init(html: html, status: status)
    }

    /// The page `document` makes around `part`; a part drawn already is written into the rendered frame.
    init(_ part: PagePart, status: Int = 200, _ document: (Node<HTML.BodyContext>) -> FramedDocument) {
        switch part {
        case .drawn(let html): self.init(around: html, status: status, document)
        case .nodes(let nodes): self.init(document(nodes), status: status)
        }
    }

    private static let keptMarkerBytes = Array(keptMarker.utf8)

    /// The marker's byte offset, found over the frame's bytes: the standard library's generic `firstRange(of:)`
    /// took longer than rendering the page.
    private static func keptMarkerOffset(in frame: inout String) -> Int? {
        frame.withUTF8 { text in
            keptMarkerBytes.withUnsafeBufferPointer { marker in
                guard let base = text.baseAddress, let start = marker.baseAddress, text.count >= marker.count
                else { return nil }
                for offset in 0...(text.count - marker.count)
                where text[offset] == marker[0] && memcmp(base + offset, start, marker.count) == 0 {
                    return offset
                }
                return nil
            }
        }
    }
}

/// The part of a page drawn from kept figures: drawn once with them (`FiguresCache`'s draw), or its nodes (a test,
/// or a page whose figures are not kept).
enum PagePart {
    case drawn(String)
    case nodes(Node<HTML.BodyContext>)

    var node: Node<HTML.BodyContext> {
        switch self {
        case .drawn(let html): .raw(html)
        case .nodes(let nodes): nodes
        }
    }
}

enum Layout {
    /// The account in the header: its name, and its role only where the name does not already say it
    /// ("督导室 陈立新", not "督导室 陈立新（督导室）").
    static func whoIs(_ p: Principal) -> String {
        p.displayName.contains(p.role.label) ? p.displayName : "\(p.displayName)（\(p.role.label)）"
    }

    /// A signed-in or public page: its frame around `content`, rendered through the kept frame (`FrameTemplate`), or
    /// as a document that a test renders indented to read it.
    static func document(
        _ title: String, _ ctx: PageContext, wide: Bool = false, printable: Bool = false,
        _ content: [Node<HTML.BodyContext>]
    ) -> FramedDocument {
        FramedDocument(title: title, ctx: ctx, wide: wide, printable: printable, content: content)
    }

    /// The frame's document with its parts given: what `FramedDocument.html` renders and what `FrameTemplate` keeps.
    static func html(
        title: String, header: Node<HTML.BodyContext>, flash: Node<HTML.BodyContext>, wide: Bool, printable: Bool,
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
                header,
                .main(.id("main"), .class(wide ? "wide" : ""), flash, .group(content)),
                .footer(
                    .class("site-footer"), .text("督导 · 区县教育督导工作平台"),
                    .a(.href(SiteURL.publicHome.path), .text("公开信息")))
            )
        )
    }

    static func header(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        guard let p = ctx.principal else { return publicHeader }
        return signedInHeader(
            menus: Navigation.menus(p.role, ctx.path), unread: unreadBadge(ctx.unread), who: whoIs(p), csrf: ctx.csrf)
    }

    static var publicHeader: Node<HTML.BodyContext> {
        .header(
            .class("site-header"),
            .a(.class("brand"), .href(SiteURL.publicHome.path), .text("督导")),
            .nav(.class("nav"), .link(SiteURL.login.path, "登录")))
    }

    /// The header of a signed-in page with its parts given (`FrameTemplate` keeps it with a marker in each).
    static func signedInHeader(
        menus: Node<HTML.BodyContext>, unread: Node<HTML.AnchorContext>, who: String, csrf: String
    ) -> Node<HTML.BodyContext> {
        .header(
            .class("site-header"),
            .a(.class("brand"), .href(SiteURL.home.path), .text("督导")),
            menus,
            .div(
                .class("who"),
                .a(.href(SiteURL.notifications.path), .class("bell"), .text("消息"), unread),
                .span(.text(who)),
                .link(SiteURL.password.path, "修改密码"),
                .postButton(SiteURL.logout.path, "退出", csrf: csrf, style: "link")))
    }

    static func unreadBadge(_ unread: Int) -> Node<HTML.AnchorContext> {
        unread > 0 ? .span(.class("bell-count"), .ariaLabel("\(unread)条未读"), .text(String(unread))) : .empty
    }

    /// A link of the bar, or a named group of links (a drop-down on a desktop, a heading in the phone menu).
    enum NavEntry: Equatable {
        case link(String, String)
        case group(String, [NavLink])
    }

    struct NavLink: Equatable {
        let path: String
        let label: String
        init(_ path: String, _ label: String) {
            self.path = path
            self.label = label
        }
    }

    static func isCurrent(_ path: String, _ current: String) -> Bool {
        path == "/" ? current == "/" : current.hasPrefix(path)
    }

    static func navLink(_ l: NavLink, _ current: String) -> Node<HTML.BodyContext> {
        .a(
            .href(l.path), isCurrent(l.path, current) ? .attribute(named: "aria-current", value: "page") : .empty,
            .text(l.label))
    }

    static func phoneEntry(_ e: NavEntry, _ current: String) -> Node<HTML.BodyContext> {
        switch e {
        case .link(let path, let label): return navLink(NavLink(path, label), current)
        case .group(let title, let links):
            return .div(
                .class("navgroup-phone"), .p(.class("navgroup-title"), .text(title)),
                .forEach(links) { navLink($0, current) })
        }
    }

    static func desktopEntry(_ e: NavEntry, _ current: String) -> Node<HTML.BodyContext> {
        switch e {
        case .link(let path, let label): return navLink(NavLink(path, label), current)
        case .group(let title, let links):
            let here = links.contains { isCurrent($0.path, current) }
            return .details(
                .class(here ? "navgroup current" : "navgroup"),
                .summary(.text(title)),
                .nav(.class("navgroup-panel"), .ariaLabel(title), .forEach(links) { navLink($0, current) }))
        }
    }

    /// The bar of each role. The office's work is grouped (名录 · 督导 · 问题与投诉 · 统计 · 设置); the leader reads
    /// what the office reads without its settings; the admin also keeps the accounts. An inspector's and a school's
    /// few pages stay in one row.
    static func navEntries(_ role: Role) -> [NavEntry] {
        let home = NavEntry.link(SiteURL.home.path, "首页")
        switch role {
        case .admin, .office, .leader:
            let office = role != .leader
            var directory = [
                NavLink(SiteURL.schools.path, "学校"), NavLink(SiteURL.inspectors.path, "督学"),
                NavLink(SiteURL.areas.path, "责任区"),
            ]
            if office { directory.append(NavLink(SiteURL.importPage.path, "导入导出")) }
            var entries: [NavEntry] = [
                home,
                .group("名录", directory),
                .group(
                    "督导",
                    [
                        NavLink(SiteURL.visits.path, "督导记录"), NavLink(SiteURL.areaPlans.path, "片区计划"),
                        NavLink(SiteURL.reports.path, "总结案例"), NavLink(SiteURL.monthlyReports.path, "督导月报"),
                        NavLink(SiteURL.bulletins.path, "督导简报"), NavLink(SiteURL.campaigns.path, "督导任务"),
                        NavLink(SiteURL.systems.path, "指标体系"),
                    ]),
                .group(
                    "问题与投诉",
                    [
                        NavLink(SiteURL.problems.path, "问题台账"), NavLink(SiteURL.notices.path, "整改通知"),
                        NavLink(SiteURL.complaints.path, "举报投诉"), NavLink(SiteURL.accountability.path, "问责"),
                    ]),
                .group(
                    "统计",
                    [
                        NavLink(SiteURL.dashboard.path, "数据看板"), NavLink(SiteURL.compliance.path, "六个一"),
                        NavLink(SiteURL.coverage.path, "挂牌覆盖"), NavLink(SiteURL.balance.path, "均衡发展"),
                        NavLink(SiteURL.monitoring.path, "质量监测"),
                    ]),
            ]
            if office {
                var settings = [NavLink(SiteURL.settings.path, "设置"), NavLink(SiteURL.audit.path, "操作记录")]
                if role == .admin { settings.append(NavLink(SiteURL.accounts.path, "账号")) }
                entries.append(.group("设置", settings))
            }
            return entries
        case .inspector:
            return [
                home, .link(SiteURL.schools.path, "我的学校"), .link(SiteURL.visits.path, "督导记录"),
                .link(SiteURL.visitPlans.path, "督导方案"), .link(SiteURL.problems.path, "问题台账"),
                .link(SiteURL.notices.path, "整改通知"), .link(SiteURL.complaints.path, "举报投诉"),
                .link(SiteURL.areaPlans.path, "片区计划"), .link(SiteURL.reports.path, "总结案例"),
                .link(SiteURL.monthlyReports.path, "督导月报"), .link(SiteURL.bulletins.path, "督导简报"),
                .link(SiteURL.campaigns.path, "督导任务"),
            ]
        case .school:
            return [
                home, .link(SiteURL.notices.path, "整改通知"), .link(SiteURL.visits.path, "督导记录"),
                .link(SiteURL.problems.path, "本校问题"), .link(SiteURL.campaigns.path, "督导评估"),
                .link(SiteURL.bulletins.path, "督导简报"),
            ]
        }
    }
}
