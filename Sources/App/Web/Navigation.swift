import DudaoCore
import NIOConcurrencyHelpers
import Plot

/// The header's two menus (the phone's and the desktop's), built once for each role and each set of current links
/// and kept: every signed-in page shows them, and building their fifty-odd links cost a tenth of a kept page's time.
/// They depend on nothing else, so the kept nodes render exactly what building them again would.
enum Navigation {
    /// The menus of `role` with the links that are current on `path` marked.
    static func menus(_ role: Role, _ path: String) -> Node<HTML.BodyContext> {
        let entries = entriesByRole[role] ?? []
        let key = "\(role.rawValue) \(currentPaths(entries, path).joined(separator: " "))"
        if let kept = kept.withLockedValue({ $0[key] }) { return kept.node }
        let built = Node<HTML.BodyContext>.group(
            .details(
                .class("menu"),
                .summary(.ariaLabel("菜单"), .text("菜单")),
                .nav(.class("nav"), .ariaLabel("主导航"), .forEach(entries) { Layout.phoneEntry($0, path) })),
            .nav(.class("nav desktop"), .ariaLabel("主导航"), .forEach(entries) { Layout.desktopEntry($0, path) }))
        kept.withLockedValue { menus in
            // Bounded by the roles times the links that can be current together; the cap only guards a mistake.
            if menus.count < 1024 { menus[key] = KeptNode(node: built) }
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

    /// Plot's nodes are immutable values (a rendering closure over constants), safe to share between threads.
    private struct KeptNode: @unchecked Sendable { let node: Node<HTML.BodyContext> }
    private static let kept = NIOLockedValueBox<[String: KeptNode]>([:])
}
