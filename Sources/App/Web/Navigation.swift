import DudaoCore
import NIOConcurrencyHelpers
import Plot

/// The header's two menus (the phone's and the desktop's), built and rendered once for each role and each set of
/// current links and kept: every signed-in page shows them, and building and rendering their fifty-odd links took
/// a third of a kept page's time. They depend on nothing else, so the kept string is what rendering them again
/// would write.
enum Navigation {
    /// Set while a test renders a page indented to read it: the menus are then rendered from their nodes, indented
    /// like the rest of the page, instead of written as the string rendered once (the same bytes unindented).
    @TaskLocal static var fromNodes = false

    /// The menus of `role` with the links that are current on `path` marked.
    static func menus(_ role: Role, _ path: String) -> Node<HTML.BodyContext> {
        .component(Menus(kept: kept(role, path)))
    }

    /// The same menus as their kept rendering, for a frame written from kept pieces (`FrameTemplate`).
    static func menusHTML(_ role: Role, _ path: String) -> String { kept(role, path).html }

    private struct Menus: Component {
        let kept: Kept
        var body: Component { Navigation.fromNodes ? kept.node : Node<HTML.BodyContext>.raw(kept.html) }
    }

    private static func kept(_ role: Role, _ path: String) -> Kept {
        let entries = entriesByRole[role] ?? []
        let key = "\(role.rawValue) \(currentPaths(entries, path).joined(separator: " "))"
        if let kept = keptMenus.withLockedValue({ $0[key] }) { return kept }
        // A closed <details> hides its content whatever the CSS says, so the phone menu (every group open, under
        // its heading) and the desktop bar (one drop-down per group) are two renderings of the same entries.
        let node = Node<HTML.BodyContext>.group(
            .details(
                .class("menu"),
                .summary(.ariaLabel("菜单"), .text("菜单")),
                .nav(.class("nav"), .ariaLabel("主导航"), .forEach(entries) { Layout.phoneEntry($0, path) })),
            .nav(.class("nav desktop"), .ariaLabel("主导航"), .forEach(entries) { Layout.desktopEntry($0, path) }))
        let built = Kept(node: node, html: node.render())
        keptMenus.withLockedValue { menus in
            // Bounded by the roles times the links that can be current together; the cap only guards a mistake.
            if menus.count < 1024 { menus[key] = built }
        }
        return built
    }

    /// The paths of the links marked current on `path` (what the built menus depend on besides the role).
    static func currentPaths(_ entries: [Layout.NavEntry], _ path: String) -> [String] {
        entries.flatMap { entry -> [String] in
            switch entry {
            case .link(let link, _): return Layout.isCurrent(link, path) ? [link] : []
            case .group(_, let links): return links.map(\.path).filter { Layout.isCurrent($0, path) }
            }
        }
    }

    private static let entriesByRole = Dictionary(
        uniqueKeysWithValues: Role.allCases.map { ($0, Layout.navEntries($0)) })

    /// The menus' nodes and their rendering. Plot's nodes are immutable values (a rendering closure over
    /// constants), safe to share between threads.
    private struct Kept: @unchecked Sendable {
        let node: Node<HTML.BodyContext>
        let html: String
    }
    private static let keptMenus = NIOLockedValueBox<[String: Kept]>([:])
}
